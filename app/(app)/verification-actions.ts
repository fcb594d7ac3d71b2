"use server";

import type { FormState } from "@/lib/action-state";
import { sendVerificationEmail } from "@/lib/auth/email-verification";
import { requireUser } from "@/lib/dal";
import { throttleForm } from "@/lib/form-throttle";
import { MAILS_PER_ADDRESS_PER_DAY } from "@/lib/mail/daily-cap";

export async function resendVerificationEmail(): Promise<FormState> {
  const user = await requireUser();
  if (user.emailVerified) return { status: "success", message: "Your email address is already confirmed." };
  const limited = await throttleForm("resend-verification", user.email);
  if (limited) return limited;
  const sent = await sendVerificationEmail(user, { throttle: true });
  if (sent === "sent") return { status: "success", message: `We have sent a new link to ${user.email}.` };
  return {
    status: "error",
    message:
      sent === "too-soon"
        ? "We sent you a link less than a minute ago. Please check your inbox."
        : `We send at most ${MAILS_PER_ADDRESS_PER_DAY} confirmation emails a day to one address. ` +
          "Please use the latest one we sent, or try again tomorrow.",
  };
}
