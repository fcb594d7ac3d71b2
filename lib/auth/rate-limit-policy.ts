import "server-only";
import { env } from "@/lib/env";
import { ADDRESS_WINDOW_SECONDS as SIGN_IN_WINDOW_SECONDS } from "@/lib/auth/sign-in-throttle";
import { WINDOW_SECONDS as FORM_WINDOW_SECONDS } from "@/lib/form-throttle";

// The per-address limits, advertised on the credentials endpoint's every answer as an IETF
// RateLimit-Policy (draft-ietf-httpapi-ratelimit-headers), so a QA run can tell before it starts
// whether one address may run the suite (e2e/preflight.ts). Only the two settings the README
// publishes with their defaults, which 21 requests would reveal anyway; the per-account waits
// and locks, which stop a guesser, are not described.

export const RATE_LIMIT_POLICY_HEADER = "RateLimit-Policy";

export function rateLimitPolicy(): string {
  return [
    `"sign-in";q=${env.RATE_LIMIT_SIGN_IN_PER_ADDRESS};w=${SIGN_IN_WINDOW_SECONDS}`,
    `"forms";q=${env.RATE_LIMIT_FORMS_PER_ADDRESS};w=${FORM_WINDOW_SECONDS}`,
  ].join(", ");
}

/** The response with the policy header added. */
export function withRateLimitPolicy(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set(RATE_LIMIT_POLICY_HEADER, rateLimitPolicy());
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
