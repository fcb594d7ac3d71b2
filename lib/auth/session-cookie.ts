// Auth.js re-issues the session cookie, with a fresh Expires, whenever it reads a session
// through /api/auth/session. That would turn a browser-session cookie
// ("Remember me" off) into a persistent one. Here the cookie is written at sign-in only;
// the session row, not the cookie, decides when a session ends.

const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;
const EXPIRY_ATTRIBUTE = /;\s*(?:expires|max-age)=[^;]*/gi;

const isSessionCookie = (setCookie: string) => SESSION_COOKIE.test(setCookie);
const isDeletion = (setCookie: string) =>
  /;\s*max-age=0(?:;|$)/i.test(setCookie) || /;\s*expires=thu, 01 jan 1970/i.test(setCookie);

/**
 * - "sign-in": keep the new session cookie; without Remember me, as a browser-session cookie.
 * - "read": Auth.js's endpoints otherwise: drop session refreshes, keep everything else.
 */
type Policy = { kind: "sign-in"; remember: boolean } | { kind: "read" };

function keep(cookie: string, policy: Policy): string | null {
  if (!isSessionCookie(cookie)) return cookie;
  if (isDeletion(cookie)) return cookie;
  if (policy.kind !== "sign-in") return null;
  return policy.remember ? cookie : withoutExpiry(cookie);
}

/** Applies the policy to a response's Set-Cookie headers, returning a response that can be changed. */
export function withSessionCookiePolicy(response: Response, policy: Policy): Response {
  const headers = new Headers(response.headers);
  headers.delete("set-cookie");
  for (const cookie of response.headers.getSetCookie()) {
    const kept = keep(cookie, policy);
    if (kept) headers.append("set-cookie", kept);
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** A browser-session cookie: gone when the browser closes. */
export function withoutExpiry(setCookie: string): string {
  return setCookie.replace(EXPIRY_ATTRIBUTE, "");
}

export { isSessionCookie };
