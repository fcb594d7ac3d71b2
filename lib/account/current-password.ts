import "server-only";
import { judgePassword } from "@/lib/auth/password-attempt";
import type { SecurityContext } from "@/lib/request-context";
import { findSignInAccountById } from "@/lib/users";

/** Why a sensitive change was refused before anything changed. */
export type PasswordRefusal = { refused: "wrong-password" } | { refused: "throttled"; retryAfter: number };

/**
 * Re-checks the signed-in user's password at the moment of a sensitive change, whatever
 * the session's age, and says which credential version it was checked against. Each check
 * is a sign-in attempt for the account's lockout, so a stolen session cannot guess the
 * password here faster than the sign-in form allows.
 */
export async function checkCurrentPassword(
  userId: string,
  password: string,
  context: SecurityContext,
): Promise<{ credentialVersion: number } | PasswordRefusal> {
  const account = await findSignInAccountById(userId);
  if (!account) return { refused: "wrong-password" };
  const judged = await judgePassword(account.email, account, password, context, "current-password");
  if (judged.outcome === "throttled") return { refused: "throttled", retryAfter: judged.retryAfter };
  if (judged.outcome === "wrong") return { refused: "wrong-password" };
  return { credentialVersion: judged.user.credentialVersion };
}
