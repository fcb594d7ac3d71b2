import type { NextAuthConfig } from "next-auth";

// The edge-safe part of the Auth.js configuration, shared by middleware.ts and auth.ts.
// No Prisma, no bcrypt: on the edge a session is only a valid, unexpired JWT. The Node
// side (auth.ts) also checks the session row, so this is a first, fast gate only.

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
  callbacks: {
    authorized({ auth, request }) {
      const { pathname, search } = request.nextUrl;
      if (!isProtectedPath(pathname) || auth?.user) return true;
      // A personal access token is checked by the route itself (lib/api-auth.ts): no JWT to see here.
      if (
        pathname.toLowerCase().startsWith("/api/") &&
        /^bearer\s/i.test(request.headers.get("authorization") ?? "")
      ) {
        return true;
      }
      if (pathname.toLowerCase().startsWith("/api/")) {
        return Response.json({ error: "unauthenticated" }, { status: 401 });
      }
      const login = new URL("/login", request.nextUrl);
      login.searchParams.set("callbackUrl", `${pathname}${search}`);
      return Response.redirect(login);
    },
  },
} satisfies NextAuthConfig;
