import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { withSessionCookiePolicy } from "@/lib/auth/session-cookie";
import { withSignInStatus } from "@/lib/auth/sign-in-status";
import { payloadTooLarge, readFormWithin } from "@/lib/request-body";

export async function GET(request: NextRequest) {
  return withSessionCookiePolicy(await handlers.GET(request), { kind: "read" });
}

export async function POST(request: NextRequest) {
  if (!request.nextUrl.pathname.endsWith("/callback/credentials")) {
    return withSessionCookiePolicy(await handlers.POST(request), { kind: "read" });
  }
  // Read within the cap: a chunked body has no Content-Length for server.mjs to refuse.
  const form = await readFormWithin(request.clone());
  if (form === "too-large") return payloadTooLarge();
  const remember = ["on", "true"].includes(String(form?.get("remember") ?? ""));
  // Throttled: 429, hashing pool full: 503, both with Retry-After (lib/auth/sign-in-status.ts).
  const response = await withSignInStatus(await handlers.POST(request));
  return withSessionCookiePolicy(response, { kind: "sign-in", remember });
}
