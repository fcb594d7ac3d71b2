import "server-only";
import { cookies } from "next/headers";
import { newTokenSecret } from "@/lib/auth/token-secret";
import { cookieValue, prefixedCookieName, secureCookies } from "@/lib/cookies";
import { CHALLENGE_SECONDS } from "@/lib/passkeys/challenges";

// A passkey sign-in challenge is redeemable only by the browser that asked for it: the
// challenge row keeps the digest of a random secret that only this cookie holds. An assertion
// caught on its way (an extension, a proxy, a log) then opens no session from anywhere else.
// One secret per browser, not per challenge, so two login tabs (or the autofill request and
// the button) do not void each other's challenges.

const cookieName = () => prefixedCookieName("latchkey-passkey", "__Host-");
const WELL_FORMED = /^[\w-]{43}$/;

const wellFormed = (value: string | null | undefined): value is string =>
  typeof value === "string" && WELL_FORMED.test(value);

/** This browser's secret for a new sign-in challenge, set (or kept, and renewed) in its cookie. */
export async function bindChallengeToBrowser(): Promise<string> {
  const jar = await cookies();
  const current = jar.get(cookieName())?.value;
  const secret = wellFormed(current) ? current : newTokenSecret();
  // Path / because the challenge is redeemed at /login's action and at /api/auth/callback/passkey.
  jar.set(cookieName(), secret, {
    httpOnly: true,
    secure: secureCookies(),
    sameSite: "lax",
    path: "/",
    maxAge: CHALLENGE_SECONDS,
  });
  return secret;
}

/** The secret the sign-in request's browser holds, if any. */
export function browserSecretIn(cookieHeader: string | null | undefined): string | null {
  const value = cookieValue(cookieHeader, cookieName());
  return wellFormed(value) ? value : null;
}
