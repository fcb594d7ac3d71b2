import "server-only";
import { sendVerificationEmail } from "@/lib/auth/email-verification";
import { db } from "@/lib/db";

/**
 * A new confirmation link for an address whose account is not yet confirmed; nothing for any
 * other address. Runs after the response (the caller's `after`), so the answer is the same.
 */
export async function resendConfirmation(email: string): Promise<void> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, emailVerified: true },
  });
  if (user && !user.emailVerified) await sendVerificationEmail(user, { throttle: true });
}
