import NextAuth, { type Session } from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig, isAdminPath } from "@/auth.config";
import { moveLinkTokenToCookie } from "@/lib/auth/link-token";
import { withSessionCookiePolicy } from "@/lib/auth/session-cookie";
import { contentSecurityPolicy, createNonce } from "@/lib/content-security-policy";
import { isDevelopment } from "@/lib/edge-env";
import { providerFormActionSources } from "@/lib/providers/authorization-origins";

// The first, fast gate (edge runtime, no database): a protected path needs a valid JWT.
// Every protected page, action and route checks the session row again on the server.
const { auth } = NextAuth(authConfig);

export default async function middleware(request: NextRequest, event: NextFetchEvent) {
  const linkRedirect = moveLinkTokenToCookie(request);
  if (linkRedirect) return linkRedirect;
  // A Content-Security-Policy with a fresh nonce per request (lib/content-security-policy.ts).
  const csp = contentSecurityPolicy(createNonce(), isDevelopment(), await providerFormActionSources());
  // Typed with NextFetchEvent so TypeScript picks auth()'s middleware overload.
  const gate = auth((allowed: NextRequest & { auth?: Session | null }, _event: NextFetchEvent) => {
    // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
    const headers = new Headers(allowed.headers);
    headers.set("content-security-policy", csp);
    // Without a session the console does not exist: the very answer of a missing page, for
    // every method and file. (With one, each page, action and route checks the permission.)
    if (isAdminPath(allowed.nextUrl.pathname) && !allowed.auth?.user) {
      return NextResponse.rewrite(new URL("/__no-such-page__", allowed.url), { request: { headers } });
    }
    return NextResponse.next({ request: { headers } });
  });
  const response = await gate(request, event);
  if (!response) return response;
  const secured = withSessionCookiePolicy(response, { kind: "gate" });
  secured.headers.set("content-security-policy", csp);
  return secured;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:svg|png|ico|webp|txt)$).*)"],
};
