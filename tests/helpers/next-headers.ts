// A stand-in for next/headers outside a request, for tests that call the sign-in code
// directly: `vi.mock("next/headers", () => import("@/tests/helpers/next-headers"))`.
// Cookies the code sets are kept in `cookieJar`, as the browser that made the request would.

export const cookieJar = new Map<string, string>();

/** The jar as a request's Cookie header. */
export const cookieHeader = () => [...cookieJar].map(([name, value]) => `${name}=${value}`).join("; ");

/** A request from the browser this jar belongs to, as a route handler would get it. */
export const requestWithCookies = (url: string) => new Request(url, { headers: { cookie: cookieHeader() } });

export async function cookies() {
  return {
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
    getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => void cookieJar.set(name, value),
    delete: (name: string) => void cookieJar.delete(name),
  };
}

/** Other request headers the browser sends (Accept-Language…), beside its cookies. */
export const requestHeaders = new Map<string, string>();

export async function headers() {
  const sent = new Headers(Object.fromEntries(requestHeaders));
  if (cookieJar.size > 0) sent.set("cookie", cookieHeader());
  return sent;
}
