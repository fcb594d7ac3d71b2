import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { withSessionCookiePolicy } from "@/lib/auth/session-cookie";
import { withSignInStatus } from "@/lib/auth/sign-in-status";

export async function GET(request: NextRequest) {
  return withSessionCookiePolicy(await handlers.GET(request), { kind: "read" });
}

export async function POST(request: NextRequest) {
  if (!request.nextUrl.pathname.endsWith("/callback/credentials")) {
    return withSessionCookiePolicy(await handlers.POST(request), { kind: "read" });
  }
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const remember = ["on", "true"].includes(String(form?.get("remember") ?? ""));
  // Throttled: 429, hashing pool full: 503, both with Retry-After (lib/auth/sign-in-status.ts).
  const response = await withSignInStatus(await handlers.POST(request));
  return withSessionCookiePolicy(response, { kind: "sign-in", remember });
}
