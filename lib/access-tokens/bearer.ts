import "server-only";
import { userForAccessToken } from "@/lib/access-tokens/tokens";
import { clientIp, rateLimitAddress } from "@/lib/client-ip";
import { consume } from "@/lib/rate-limit";
import type { PublicUser } from "@/lib/users";

/** Wrong bearer tokens per client address per minute before it must wait (guessing is futile, scanning is noisy). */
const BAD_TOKENS_PER_MINUTE = 20;

export type BearerAnswer =
  { user: PublicUser } | { refused: "invalid" } | { refused: "throttled"; retryAfter: number };

/**
 * The request's bearer token: null when it sends no `Authorization: Bearer`, "" when it sends
 * one that is malformed (which is refused like a wrong token, never taken for no token).
 */
export function bearerToken(headers: Headers): string | null {
  const header = headers.get("authorization");
  if (!header || !/^bearer\b/i.test(header)) return null;
  return /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)?.[1] ?? "";
}

/**
 * The user of a request's bearer token. Only wrong tokens count against the client's address,
 * so a right one always works (a neighbour behind the same NAT cannot lock a script out), and
 * past the limit wrong ones are told to wait.
 */
export async function authenticateBearer(headers: Headers, token: string): Promise<BearerAnswer> {
  const user = await userForAccessToken(token);
  if (user) return { user };
  const ip = clientIp(headers);
  if (ip) {
    const rule = { limit: BAD_TOKENS_PER_MINUTE, windowSeconds: 60 };
    const counted = await consume(`bearer:address:${rateLimitAddress(ip)}`, rule);
    if (!counted.ok) return { refused: "throttled", retryAfter: counted.retryAfter };
  }
  return { refused: "invalid" };
}
