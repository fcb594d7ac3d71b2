import "server-only";
import { rateLimitAddress } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { consume, type RateResult } from "@/lib/rate-limit";

// Every challenge is a row until it expires: how fast one client may have them made.

/** Sign-in challenges per address, at the sign-in form's own pace. */
export function throttleSignInChallenges(address: string | null): Promise<RateResult> {
  if (!address) return Promise.resolve({ ok: true });
  const rule = { limit: env.RATE_LIMIT_SIGN_IN_PER_ADDRESS, windowSeconds: 60 };
  return consume(`passkey-sign-in:address:${rateLimitAddress(address)}`, rule);
}

/** Registration challenges per account: room for retries, not for a flood. */
export function throttleRegistrationChallenges(userId: string): Promise<RateResult> {
  return consume(`passkey-register:user:${userId}`, { limit: 20, windowSeconds: 15 * 60 });
}
