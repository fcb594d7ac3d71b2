import "server-only";
import { userForAccessToken } from "@/lib/access-tokens/tokens";
import { clientIp, rateLimitAddress } from "@/lib/client-ip";
import { consume, refund } from "@/lib/rate-limit";
import type { PublicUser } from "@/lib/users";

/** Wrong bearer tokens per client address per minute before it must wait (guessing is futile, scanning is noisy). */
const BAD_TOKENS_PER_MINUTE = 20;

export type BearerAnswer =
  { user: PublicUser } | { refused: "invalid" } | { refused: "throttled"; retryAfter: number };

/** The request's `Authorization: Bearer …` value, or null when it sends none. */
export function bearerToken(headers: Headers): string | null {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

/**
 * The user of a request's bearer token. Each attempt is counted against the client's address
 * first and a right token gives its count back, so only wrong ones add up.
 */
export async function authenticateBearer(headers: Headers, token: string): Promise<BearerAnswer> {
  const ip = clientIp(headers);
  const key = ip ? `bearer:address:${rateLimitAddress(ip)}` : null;
  if (key) {
    const counted = await consume(key, { limit: BAD_TOKENS_PER_MINUTE, windowSeconds: 60 });
    if (!counted.ok) return { refused: "throttled", retryAfter: counted.retryAfter };
  }
  const user = await userForAccessToken(token);
  if (!user) return { refused: "invalid" };
  if (key) await refund(key);
  return { user };
}
