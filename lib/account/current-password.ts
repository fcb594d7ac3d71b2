import "server-only";
import { FRESH_SIGN_IN_MINUTES, SIGN_IN_AGAIN_MESSAGE } from "@/lib/account/fresh-sign-in";
import { judgePassword } from "@/lib/auth/password-attempt";
import { db } from "@/lib/db";
import type { SecurityContext } from "@/lib/request-context";
import { findSignInAccountById } from "@/lib/users";

/** Why a sensitive change was refused before anything changed. */
export type PasswordRefusal =
  { refused: "wrong-password" } | { refused: "throttled"; retryAfter: number } | { refused: "sign-in-again" };

/** A sign-in this recent is proof enough for a change (lib/passkeys/proof.ts judges alike). */
export const FRESH_SIGN_IN_SECONDS = FRESH_SIGN_IN_MINUTES * 60;
export { SIGN_IN_AGAIN_MESSAGE };

/** Whether this session of the user was opened by a sign-in minutes ago. */
export async function isFreshSignIn(userId: string, sessionId: string): Promise<boolean> {
  const session = await db.session.findFirst({
    where: { id: sessionId, userId },
    select: { createdAt: true },
  });
  return session !== null && Date.now() - session.createdAt.getTime() < FRESH_SIGN_IN_SECONDS * 1000;
}

/**
 * Re-checks the signed-in user's password at the moment of a sensitive change, whatever
 * the session's age, and says which credential version it was checked against. Each check
 * is a sign-in attempt for the account's lockout, so a stolen session cannot guess the
 * password here faster than the sign-in form allows.
 *
 * An account without a password (made with a provider) has no password to give: with the
 * session making the change (`sessionId`), a sign-in from the last minutes (a provider's or a
 * passkey's, second factor included) is the proof of the same strength instead.
 */
export async function checkCurrentPassword(
  userId: string,
  password: string,
  context: SecurityContext,
  sessionId?: string,
): Promise<{ credentialVersion: number } | PasswordRefusal> {
  const account = await findSignInAccountById(userId);
  if (!account) return { refused: "wrong-password" };
  if (account.passwordHash === null && sessionId !== undefined) {
    if (!(await isFreshSignIn(userId, sessionId))) return { refused: "sign-in-again" };
    return { credentialVersion: account.credentialVersion };
  }
  const judged = await judgePassword(account.email, account, password, context, "current-password");
  if (judged.outcome === "throttled") return { refused: "throttled", retryAfter: judged.retryAfter };
  if (judged.outcome === "wrong") return { refused: "wrong-password" };
  return { credentialVersion: judged.user.credentialVersion };
}
