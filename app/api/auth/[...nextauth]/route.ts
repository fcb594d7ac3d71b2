import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { issuingSession } from "@/lib/auth/issued-session";
import { withRateLimitPolicy } from "@/lib/auth/rate-limit-policy";
import { withSessionCookiePolicy } from "@/lib/auth/session-cookie";
import { withSignInStatus } from "@/lib/auth/sign-in-status";
import { handleProviderCallback, providerOfCallback } from "@/lib/providers/callback";
import { payloadTooLarge, readFormWithin } from "@/lib/request-body";

// Auth.js's routes, with the session cookie written as the issued session decided
// (lib/auth/issued-session.ts) and sign-in failures that deserve a status given one.
async function answer(request: NextRequest, handle: (request: NextRequest) => Promise<Response>) {
  const { result, issued } = await issuingSession(() => handle(request));
  // Throttled: 429, hashing pool full: 503, both with Retry-After (lib/auth/sign-in-status.ts).
  const response = await withSignInStatus(result);
  return withSessionCookiePolicy(response, issued ? { kind: "sign-in", ...issued } : { kind: "read" });
}

export async function GET(request: NextRequest) {
  // A provider's callback: throttled, with the flow this browser started (lib/providers/callback.ts).
  const provider = providerOfCallback(request.nextUrl.pathname);
  if (provider) return handleProviderCallback(request, provider, () => answer(request, handlers.GET));
  return answer(request, handlers.GET);
}

export async function POST(request: NextRequest) {
  // Read within the cap: a chunked body has no Content-Length for server.mjs to refuse.
  if ((await readFormWithin(request.clone())) === "too-large") return payloadTooLarge();
  // Auth.js would take an OAuth callback by POST too: the same throttle and flow as by GET.
  const provider = providerOfCallback(request.nextUrl.pathname);
  if (provider) return handleProviderCallback(request, provider, () => answer(request, handlers.POST));
  const response = await answer(request, handlers.POST);
  // The per-address limits, for a QA run's pre-flight (e2e/preflight.ts).
  return request.nextUrl.pathname.endsWith("/callback/credentials")
    ? withRateLimitPolicy(response)
    : response;
}
