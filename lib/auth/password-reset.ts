import "server-only";
import { changeCredentials, lockAccount } from "@/lib/auth/credential-change";
import { hashPassword } from "@/lib/auth/password";
import { consumeToken, issuedRecently, issueToken, tokenOwner } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordEventIn } from "@/lib/events/record";
import { tokenLink } from "@/lib/mail/links";
import { mailLanguage } from "@/lib/i18n/account-language";
import { renderMail } from "@/lib/mail/templates";
import type { SecurityContext } from "@/lib/request-context";
import { liftSecondFactorHardStop } from "@/lib/second-factor/code-check";

/**
 * Emails a reset link to the account with this (normalised) address, if there is one.
 * Callers run it after responding, so neither its timing nor its failure reaches the requester.
 * At most one link a minute per account, so the form cannot be used to flood an inbox.
 */
export async function sendPasswordResetLink(email: string): Promise<void> {
  const user = await db.user.findUnique({
    where: { email, disabledAt: null },
    select: { id: true, name: true, email: true, locale: true },
  });
  if (!user) return;
  if (await issuedRecently(user.id, "reset-password")) return;
  const language = await mailLanguage(user.locale);
  await issueToken(
    {
      userId: user.id,
      email: user.email,
      purpose: "reset-password",
      ttlSeconds: env.RESET_PASSWORD_TOKEN_TTL,
    },
    (secret) =>
      renderMail(
        "resetPassword",
        user.email,
        {
          name: user.name,
          link: tokenLink("/reset-password", secret),
          validFor: env.RESET_PASSWORD_TOKEN_TTL,
        },
        language,
      ),
  );
}

/** Whether a reset link is still usable, without using it up (for showing the form). */
export async function isResetTokenUsable(secret: string): Promise<boolean> {
  return (await tokenOwner(secret, "reset-password")) !== null;
}

/**
 * Sets a new password from a reset link. In one transaction: the token is used up, the new
 * hash stored, every session and every other emailed link of the account ends (a pending
 * address change above all: the reset is how an owner takes the account back) and the
 * sign-in lockout is lifted, and the event and its notice are written. Returns false when the link is not valid.
 */
export async function resetPassword(
  secret: string,
  newPassword: string,
  context: SecurityContext,
): Promise<boolean> {
  // Hash before using the token up, so a busy or failing hash does not cost the user their link.
  const owner = await tokenOwner(secret, "reset-password");
  if (!owner) return false;
  const passwordHash = await hashPassword(newPassword);
  const user = await db.$transaction(async (tx) => {
    await lockAccount(tx, owner);
    const token = await consumeToken(secret, "reset-password", tx);
    if (token?.userId !== owner) return null;
    const holder = await tx.user.findFirst({
      where: { id: token.userId, email: token.email, disabledAt: null },
      select: { id: true, name: true, email: true, emailVerified: true, locale: true },
    });
    if (!holder) return null;
    // The link reached this address, which proves it is the user's.
    await changeCredentials(tx, holder.id, {
      passwordHash,
      emailVerified: holder.emailVerified ?? context.at,
    });
    // The way out of a sign-in lock, even at the hard stop.
    await tx.signInFailure.deleteMany({ where: { email: holder.email } });
    await liftSecondFactorHardStop(tx, holder.id);
    await recordEventIn(tx, { kind: "password.reset", userId: holder.id, context }, { to: holder, data: {} });
    return holder;
  });
  return user !== null;
}
