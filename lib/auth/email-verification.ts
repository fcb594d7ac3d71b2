import "server-only";
import { consumeToken, issuedRecently, issueToken, revokeTokens } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { tokenLink } from "@/lib/mail/links";
import { queueMail } from "@/lib/mail/send";
import { emailChangedNoticeMail, verifyEmailMail } from "@/lib/mail/templates";
import type { SecurityContext } from "@/lib/request-context";

type Recipient = { id: string; name: string | null; email: string };

/**
 * Emails a fresh verification link (the older one stops working). With `throttle`, does
 * nothing when a link went out less than a minute ago. Returns whether a link was sent.
 */
export async function sendVerificationEmail(user: Recipient, { throttle = false } = {}): Promise<boolean> {
  if (throttle && (await issuedRecently(user.id, "verify-email"))) return false;
  const secret = await issueToken({
    userId: user.id,
    email: user.email,
    purpose: "verify-email",
    ttlSeconds: env.VERIFY_EMAIL_TOKEN_TTL,
  });
  queueMail(verifyEmailMail(user.email, { name: user.name, link: tokenLink("/verify-email", secret) }));
  return true;
}

export type EmailConfirmation =
  | { status: "verified"; userId: string }
  | { status: "email-changed"; userId: string }
  | { status: "email-taken" }
  | { status: "invalid" };

/**
 * Uses up a link from /verify-email: a "verify-email" token confirms the address it was sent
 * to (if it is still the account's), a "change-email" token makes its address the account's.
 */
export async function confirmEmailToken(
  secret: string,
  context: SecurityContext,
): Promise<EmailConfirmation> {
  const verify = await consumeToken(secret, "verify-email");
  if (verify) {
    const { count } = await db.user.updateMany({
      where: { id: verify.userId, email: verify.email, emailVerified: null },
      data: { emailVerified: context.at },
    });
    if (count > 0) return { status: "verified", userId: verify.userId };
    const current = await db.user.findFirst({
      where: { id: verify.userId, email: verify.email },
      select: { id: true },
    });
    return current ? { status: "verified", userId: current.id } : { status: "invalid" };
  }
  const change = await consumeToken(secret, "change-email");
  if (!change) return { status: "invalid" };
  const user = await db.user.findUnique({
    where: { id: change.userId, disabledAt: null },
    select: { name: true, email: true },
  });
  if (!user) return { status: "invalid" };
  try {
    await db.user.update({
      where: { id: change.userId },
      data: { email: change.email, emailVerified: context.at },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { status: "email-taken" };
    }
    throw error;
  }
  // Links sent to the old address must not keep working for it.
  await revokeTokens(change.userId, "reset-password");
  await revokeTokens(change.userId, "verify-email");
  if (user.email !== change.email) {
    queueMail(emailChangedNoticeMail(user.email, { name: user.name, newEmail: change.email, context }));
  }
  return { status: "email-changed", userId: change.userId };
}

export async function isEmailVerified(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerified: true } });
  return Boolean(user?.emailVerified);
}
