import "server-only";
import { trustedDevice } from "@/lib/auth/device-cookie";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import {
  claimSignInAttempt,
  signInAbandoned,
  signInFailed,
  signInSucceeded,
} from "@/lib/auth/sign-in-throttle";
import type { SecurityContext } from "@/lib/request-context";
import { findPasswordCheck } from "@/lib/users";

/** Why a sensitive change was refused before anything changed. */
export type PasswordRefusal = { refused: "wrong-password" } | { refused: "throttled"; retryAfter: number };

const WRONG: PasswordRefusal = { refused: "wrong-password" };

/**
 * Re-checks the signed-in user's password at the moment of a sensitive change, whatever
 * the session's age, and says which credential version it was checked against. Each check
 * is a sign-in attempt for the account's lockout, so a stolen session cannot guess the
 * password here beyond what the sign-in form allows. A user without a password spends the
 * same bcrypt time and fails.
 */
export async function checkCurrentPassword(
  userId: string,
  password: string,
  context: SecurityContext,
): Promise<{ credentialVersion: number } | PasswordRefusal> {
  const account = await findPasswordCheck(userId);
  if (!account?.passwordHash) return verifyAgainstDummy(password).then(() => WRONG);
  const device = trustedDevice(context.cookieHeader ?? null, account.email);
  const claim = await claimSignInAttempt(account.email, context.ip, device);
  if (!claim.ok) return { refused: "throttled", retryAfter: claim.retryAfter };
  const matches = await verifyPassword(password, account.passwordHash).catch(async (error: unknown) => {
    await signInAbandoned(claim.attempt); // a full hashing pool: no password was judged
    throw error;
  });
  if (!matches) {
    await signInFailed(claim.attempt, context);
    return WRONG;
  }
  await signInSucceeded(claim.attempt);
  return { credentialVersion: account.credentialVersion };
}
