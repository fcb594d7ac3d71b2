import NextAuth from "next-auth";
import type { NextFetchEvent, NextRequest } from "next/server";
import { authConfig } from "@/auth.config";
import { withSessionCookiePolicy } from "@/lib/auth/session-cookie";

// The first, fast gate (edge runtime, no database): a protected path needs a valid JWT.
// Every protected page, action and route checks the session row again on the server.
const { auth } = NextAuth(authConfig);
// Typed with NextFetchEvent so TypeScript picks auth()'s middleware overload.
const gate = auth((_request: NextRequest, _event: NextFetchEvent) => undefined);

export default async function middleware(request: NextRequest, event: NextFetchEvent) {
  const response = await gate(request, event);
  return response ? withSessionCookiePolicy(response, { kind: "gate" }) : response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:svg|png|ico|webp|txt)$).*)"],
};
