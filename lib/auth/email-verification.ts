import "server-only";
import { changeCredentials, lockAccount } from "@/lib/auth/credential-change";
import type { VerifiedUser } from "@/lib/auth/credentials";
import { consumeToken, issuedRecently, issueToken, tokenOwner } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordEvent, recordEventIn } from "@/lib/events/record";
import { Prisma } from "@/lib/generated/prisma/client";
import { takeDailyMail } from "@/lib/mail/daily-cap";
import { tokenLink } from "@/lib/mail/links";
import { mailLanguage } from "@/lib/i18n/account-language";
import { enqueueMail } from "@/lib/mail/outbox";
import { renderMail } from "@/lib/mail/templates";
import type { SecurityContext } from "@/lib/request-context";

/** `locale`: the account's saved language; without one (a new account), the request's. */
type Recipient = { id: string; name: string | null; email: string; locale?: string | null };

export type VerificationMailResult = "sent" | "too-soon" | "daily-limit";

/**
 * Emails a fresh verification link (the older one stops working), at most
 * MAILS_PER_ADDRESS_PER_DAY times a day per address. With `throttle`, does nothing when a
 * link went out less than a minute ago.
 */
export async function sendVerificationEmail(
  user: Recipient,
  { throttle = false } = {},
): Promise<VerificationMailResult> {
  if (throttle && (await issuedRecently(user.id, "verify-email"))) return "too-soon";
  if (!(await takeDailyMail("verify-email", user.email))) return "daily-limit";
  const language = await mailLanguage(user.locale);
  await issueToken(
    { userId: user.id, email: user.email, purpose: "verify-email", ttlSeconds: env.VERIFY_EMAIL_TOKEN_TTL },
    (secret) =>
      renderMail(
        "verifyEmail",
        user.email,
        { name: user.name, link: tokenLink("/verify-email", secret), validFor: env.VERIFY_EMAIL_TOKEN_TTL },
        language,
      ),
  );
  return "sent";
}

/**
 * Someone tried to register an address that has an account: its owner is told (within the
 * daily cap), and the person registering sees what a new account would have shown.
 */
export async function notifyAccountExists(email: string, context: SecurityContext): Promise<void> {
  const owner = await db.user.findUnique({ where: { email }, select: { name: true, locale: true } });
  if (!owner || !(await takeDailyMail("account-exists", email))) return;
  const locale = await mailLanguage(owner.locale);
  await enqueueMail(db, await renderMail("accountExists", email, { name: owner.name, context }, locale));
}

export type EmailConfirmation =
  | { status: "verified"; userId: string }
  | { status: "email-changed"; userId: string }
  | { status: "email-taken" }
  | { status: "invalid" };

/**
 * Uses up a link from /verify-email: a "verify-email" token confirms the address it was sent
 * to (if it is still the account's), a "change-email" token makes its address the account's.
 * A change of address is a change of credentials: every session but the confirming browser's
 * own (`current`, when it is signed in to this account) ends, and so does every other link.
 */
export async function confirmEmailToken(
  secret: string,
  context: SecurityContext,
  current?: { userId: string; sessionId: string },
): Promise<EmailConfirmation> {
  const verify = await consumeToken(secret, "verify-email");
  if (verify) {
    const { count } = await db.user.updateMany({
      where: { id: verify.userId, email: verify.email, emailVerified: null },
      data: { emailVerified: context.at },
    });
    if (count > 0) {
      await recordEvent({ kind: "email.confirmed", userId: verify.userId, context });
      return { status: "verified", userId: verify.userId };
    }
    const existing = await db.user.findFirst({
      where: { id: verify.userId, email: verify.email },
      select: { id: true },
    });
    return existing ? { status: "verified", userId: existing.id } : { status: "invalid" };
  }
  const owner = await tokenOwner(secret, "change-email");
  if (!owner) return { status: "invalid" };
  let previous: { userId: string } | null;
  try {
    previous = await db.$transaction(async (tx) => {
      await lockAccount(tx, owner);
      const change = await consumeToken(secret, "change-email", tx);
      if (change?.userId !== owner) return null;
      const user = await tx.user.findUnique({
        where: { id: change.userId, disabledAt: null },
        select: { name: true, email: true },
      });
      if (!user) return null;
      const keepSessionId = current?.userId === change.userId ? current.sessionId : undefined;
      const data = { email: change.email, emailVerified: context.at };
      if (!(await changeCredentials(tx, change.userId, data, { keepSessionId }))) return null;
      // The notice goes to the old address: the one an attacker who moved the account does not hold.
      await recordEventIn(
        tx,
        { kind: "email.changed", userId: change.userId, context },
        { to: { email: user.email, name: user.name }, data: { newEmail: change.email } },
      );
      return { userId: change.userId };
    });
  } catch (error) {
    // The new address got an account of its own since the link was sent.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { status: "email-taken" };
    }
    throw error;
  }
  if (!previous) return { status: "invalid" };
  return { status: "email-changed", userId: previous.userId };
}

/** Whether the account confirmed its address. */
export async function isEmailVerified({
  id,
  emailVerifiedAt,
}: Pick<VerifiedUser, "id" | "emailVerifiedAt">): Promise<boolean> {
  if (emailVerifiedAt !== undefined) return emailVerifiedAt !== null; // read with the password
  const user = await db.user.findUnique({ where: { id }, select: { emailVerified: true } });
  return Boolean(user?.emailVerified);
}
