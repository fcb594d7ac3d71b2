import "server-only";
import { verifyAgainst, type VerifiedUser } from "@/lib/auth/credentials";
import { trustedDevice } from "@/lib/auth/device-cookie";
import {
  claimSignInAttempt,
  signInAbandoned,
  signInFailed,
  signInSucceeded,
} from "@/lib/auth/sign-in-throttle";
import { recordEvent } from "@/lib/events/record";
import type { SecurityContext } from "@/lib/request-context";
import type { SignInAccount } from "@/lib/users";

export type PasswordJudgement =
  | { outcome: "verified"; user: VerifiedUser }
  | { outcome: "wrong" }
  | { outcome: "throttled"; retryAfter: number };

/**
 * One password checked for an account under its lockout, for every way a password is
 * checked (sign-in, and the current password of a sensitive change): the attempt is counted
 * before the password is judged, so parallel guesses cannot slip past, then settled as a
 * success or a failure. An email without an account (`account` null) spends the same time
 * and is counted alike; a browser the account trusts (its device cookie) is counted apart.
 */
export async function judgePassword(
  email: string,
  account: SignInAccount | null,
  password: string,
  context: SecurityContext,
  method: "password" | "current-password",
): Promise<PasswordJudgement> {
  const device = account ? trustedDevice(context.cookieHeader ?? null, account) : null;
  const claim = await claimSignInAttempt(email, context.ip, device);
  if (!claim.ok) return { outcome: "throttled", retryAfter: claim.retryAfter };
  const user = await verifyAgainst(account, password).catch(async (error: unknown) => {
    await signInAbandoned(claim.attempt); // e.g. a full hashing pool: no password was judged
    throw error;
  });
  if (!user) {
    await signInFailed(claim.attempt, context);
    // On the account's own log when there is one; for an unknown email, a row that names nobody.
    await recordEvent({ kind: "sign-in.failed", userId: account?.id ?? null, context, details: { method } });
    return { outcome: "wrong" };
  }
  await signInSucceeded(claim.attempt);
  return { outcome: "verified", user };
}
