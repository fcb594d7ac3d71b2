import type { NextAuthConfig } from "next-auth";
import { NextResponse, type NextRequest } from "next/server";

// The edge-safe part: Auth.js's pages (auth.ts) and the gate's rules (middleware.ts).
// No Prisma, no bcrypt: on the edge a session is only a valid, unexpired JWT. The Node
// side (lib/dal.ts) also checks the session row, so this is a first, fast gate only.

const PROTECTED_PREFIXES = ["/dashboard", "/settings", "/api/me"];

export function isProtectedPath(pathname: string): boolean {
  const path = pathname.toLowerCase().replace(/\/+$/, "");
  return PROTECTED_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** The admin console's paths, in any letter case (lib/dal.ts requirePermission guards each). */
export function isAdminPath(pathname: string): boolean {
  const path = pathname.toLowerCase().replace(/\/+$/, "");
  return path === "/admin" || path.startsWith("/admin/");
}

export const authConfig = {
  pages: { signIn: "/login", error: "/login" },
  session: { strategy: "jwt" },
  providers: [],
} satisfies NextAuthConfig;

/**
 * The gate's answer for a protected path without a valid session token: 401 JSON for an API
 * route, else a redirect to /login that comes back here; null to let the request through.
 */
export function refuseSignedOut(request: NextRequest, signedIn: boolean): NextResponse | null {
  const { pathname, search } = request.nextUrl;
  if (!isProtectedPath(pathname) || signedIn) return null;
  const api = pathname.toLowerCase().startsWith("/api/");
  // A personal access token is checked by the route itself (lib/api-auth.ts): no JWT to see here.
  if (api && /^bearer\s/i.test(request.headers.get("authorization") ?? "")) return null;
  if (api) return NextResponse.json({ error: "unauthenticated" }, { status: 401 });
  const login = new URL("/login", request.nextUrl);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}
