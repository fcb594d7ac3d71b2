import "server-only";
import type { AdminActor } from "@/lib/admin/guard";
import { sendVerificationEmail, type VerificationMailResult } from "@/lib/auth/email-verification";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import type { SecurityContext } from "@/lib/request-context";

/** Sends an unconfirmed account a fresh confirmation link, within the usual limits per address. */
export async function resendConfirmationEmail(
  actor: AdminActor,
  userId: string,
  context: SecurityContext,
): Promise<VerificationMailResult | "already-confirmed" | "not-found"> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, emailVerified: true, locale: true },
  });
  if (!user) return "not-found";
  if (user.emailVerified) return "already-confirmed";
  const sent = await sendVerificationEmail(user, { throttle: true });
  if (sent === "sent") {
    await recordEvent({
      kind: "email.confirmation-resent",
      userId,
      context,
      actor: { type: "admin", id: actor.id },
    });
  }
  return sent;
}
