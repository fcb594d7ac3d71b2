import { NextResponse, type NextRequest } from "next/server";
import { isAdminPath, isProtectedPath, refuseSignedOut } from "@/auth.config";
import { moveLinkTokenToCookie } from "@/lib/auth/link-token";
import { readSessionToken, sessionCookieName } from "@/lib/auth/session-token";
import { contentSecurityPolicy, createNonce } from "@/lib/content-security-policy";
import { isDevelopment } from "@/lib/edge-env";
import { providerFormActionSources } from "@/lib/providers/authorization-origins";

// The first, fast gate (edge runtime, no database): a protected path needs a valid JWT.
// Every protected page, action and route checks the session row again on the server.
export default async function middleware(request: NextRequest) {
  const linkRedirect = moveLinkTokenToCookie(request);
  if (linkRedirect) return linkRedirect;
  // A Content-Security-Policy with a fresh nonce per request (lib/content-security-policy.ts).
  const csp = contentSecurityPolicy(createNonce(), isDevelopment(), await providerFormActionSources());
  const { pathname } = request.nextUrl;
  const admin = isAdminPath(pathname);
  // Only the paths that care decrypt the cookie; every other page passes without that work.
  const cookie = isProtectedPath(pathname) || admin ? sessionCookieName(request.cookies) : null;
  const signedIn =
    cookie !== null && (await readSessionToken(request.cookies, process.env.AUTH_SECRET)) !== null;
  const response = refuseSignedOut(request, signedIn) ?? pass(request, csp, admin && !signedIn);
  // A cookie that does not decrypt (another secret, expired, tampered) is removed.
  if (cookie && !signedIn) response.headers.append("set-cookie", removal(cookie));
  response.headers.set("content-security-policy", csp);
  return response;
}

function pass(request: NextRequest, csp: string, hideConsole: boolean): Response {
  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  // Without a session the console does not exist: the very answer of a missing page, for
  // every method and file. (With one, each page, action and route checks the permission.)
  if (hideConsole)
    return NextResponse.rewrite(new URL("/__no-such-page__", request.url), { request: { headers } });
  return NextResponse.next({ request: { headers } });
}

const removal = (name: string) =>
  `${name}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=Lax${
    name.startsWith("__Secure-") ? "; Secure" : ""
  }`;

export const config = {
  // Not the password's callback either: it only ever answers a redirect or JSON, with nothing a
  // page policy would govern, and it is the one route a sign-in flood hits.
  matcher: [
    "/((?!_next/static|_next/image|favicon.ico|robots.txt|api/auth/callback/credentials$|.*\\.(?:svg|png|ico|webp|txt)$).*)",
  ],
};
