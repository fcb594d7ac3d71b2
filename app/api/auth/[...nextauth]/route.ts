import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { withSessionCookiePolicy } from "@/lib/auth/session-cookie";

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
  return withSessionCookiePolicy(await handlers.POST(request), { kind: "sign-in", remember });
}
