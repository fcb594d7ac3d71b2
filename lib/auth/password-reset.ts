import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { clearSignInFailures } from "@/lib/auth/sign-in-throttle";
import { consumeToken, issuedRecently, issueToken, revokeTokens, tokenDigest } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { tokenLink } from "@/lib/mail/links";
import { deliverWithRetries, queueMail } from "@/lib/mail/send";
import { passwordChangedMail, resetPasswordMail } from "@/lib/mail/templates";
import type { SecurityContext } from "@/lib/request-context";

/**
 * Emails a reset link to the account with this (normalised) address, if there is one.
 * Callers run it after responding, so neither its timing nor its failure reaches the requester.
 * At most one link a minute per account, so the form cannot be used to flood an inbox.
 */
export async function sendPasswordResetLink(email: string): Promise<void> {
  const user = await db.user.findUnique({
    where: { email, disabledAt: null },
    select: { id: true, name: true, email: true },
  });
  if (!user) return;
  if (await issuedRecently(user.id, "reset-password")) return;
  const secret = await issueToken({
    userId: user.id,
    email: user.email,
    purpose: "reset-password",
    ttlSeconds: env.RESET_PASSWORD_TOKEN_TTL,
  });
  await deliverWithRetries(
    resetPasswordMail(user.email, { name: user.name, link: tokenLink("/reset-password", secret) }),
  );
}

/** Whether a reset link is still usable, without using it up (for showing the form). */
export async function isResetTokenUsable(secret: string): Promise<boolean> {
  if (!secret || secret.length > 128) return false;
  const row = await db.authToken.findUnique({
    where: { tokenHash: tokenDigest(secret) },
    select: { purpose: true, expiresAt: true },
  });
  return row?.purpose === "reset-password" && row.expiresAt.getTime() > Date.now();
}

/**
 * Sets a new password from a reset link: uses the token up, signs out every session,
 * voids other emailed links and mails a notice. Returns false when the link is not valid.
 */
export async function resetPassword(
  secret: string,
  newPassword: string,
  context: SecurityContext,
): Promise<boolean> {
  // Hash before using the token up, so a busy or failing hash does not cost the user their link.
  if (!(await isResetTokenUsable(secret))) return false;
  const passwordHash = await hashPassword(newPassword);
  const token = await consumeToken(secret, "reset-password");
  if (!token) return false;
  const user = await db.user.findFirst({
    where: { id: token.userId, email: token.email, disabledAt: null },
    select: { id: true, name: true, email: true, emailVerified: true },
  });
  if (!user) return false;
  await db.user.update({
    where: { id: user.id },
    // The link reached this address, which proves it is the user's.
    data: { passwordHash, emailVerified: user.emailVerified ?? context.at },
  });
  await revokeUserSessions(user.id);
  await revokeTokens(user.id, "reset-password");
  await clearSignInFailures(user.email); // the way out of a sign-in lock, even at the hard stop
  queueMail(passwordChangedMail(user.email, { name: user.name, context }));
  return true;
}
