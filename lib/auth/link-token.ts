import { cookies } from "next/headers";
import { NextResponse, type NextRequest } from "next/server";
import { MAX_TOKEN_LENGTH } from "@/lib/auth/token-length";
import { authUrl } from "@/lib/edge-env";

// An emailed link (/reset-password?token=…, /verify-email?token=…) is opened once with its
// token in the URL. middleware.ts moves the token into a cookie for that page alone and sends
// the browser to the same page without it, so the token never stays in the address bar, the
// history or a Referer. That redirect carries `Referrer-Policy: no-referrer`; the page itself
// keeps the site's policy, because under no-referrer a browser without JavaScript sends its
// form with `Origin: null`, which Next.js refuses as a cross-site server action.

export const LINK_TOKEN_PAGES: readonly string[] = ["/reset-password", "/verify-email"];
const COOKIE = "latchkey-link-token";
const SECURE_COOKIE = `__Secure-${COOKIE}`;
// Long enough to read the page and fill in a form; opening the link again starts over.
const COOKIE_SECONDS = 3600;

/** For middleware: the redirect that takes an emailed link's token out of its URL, or null. */
export function moveLinkTokenToCookie(request: NextRequest): NextResponse | null {
  const { pathname, searchParams } = request.nextUrl;
  const token = searchParams.get("token");
  if (request.method !== "GET" || token === null || !LINK_TOKEN_PAGES.includes(pathname)) return null;
  const rest = new URLSearchParams(searchParams);
  rest.delete("token");
  // On AUTH_URL's origin, as the mail's links are: behind a TLS-terminating proxy the
  // request's own URL may say http.
  const origin = authUrl() ?? request.nextUrl.origin;
  const target = new URL(`${pathname}${rest.size > 0 ? `?${rest}` : ""}`, origin);
  const response = NextResponse.redirect(target, 303);
  response.headers.set("referrer-policy", "no-referrer");
  response.headers.set("cache-control", "no-store");
  const secure = target.protocol === "https:";
  response.cookies.set(secure ? SECURE_COOKIE : COOKIE, token.slice(0, MAX_TOKEN_LENGTH), {
    httpOnly: true,
    secure,
    sameSite: "lax",
    path: pathname,
    maxAge: COOKIE_SECONDS,
  });
  return response;
}

/** The token of the emailed link that opened this page; empty when there is none. */
export async function linkToken(): Promise<string> {
  const jar = await cookies();
  return jar.get(SECURE_COOKIE)?.value ?? jar.get(COOKIE)?.value ?? "";
}

/** Forgets the page's link token once it has been used (server actions only). */
export async function forgetLinkToken(pathname: string): Promise<void> {
  const jar = await cookies();
  for (const name of [SECURE_COOKIE, COOKIE]) {
    // Expired with the attributes it was set with: a __Secure- cookie needs Secure even to go.
    if (jar.has(name)) {
      jar.set(name, "", {
        httpOnly: true,
        secure: name === SECURE_COOKIE,
        sameSite: "lax",
        path: pathname,
        maxAge: 0,
      });
    }
  }
}
