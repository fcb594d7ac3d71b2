"use server";

import type { FormState } from "@/lib/action-state";
import { sendVerificationEmail } from "@/lib/auth/email-verification";
import { requireUser } from "@/lib/dal";
import { throttleForm } from "@/lib/form-throttle";

export async function resendVerificationEmail(): Promise<FormState> {
  const user = await requireUser();
  if (user.emailVerified) return { status: "success", message: "Your email address is already confirmed." };
  const limited = await throttleForm("resend-verification", user.email);
  if (limited) return limited;
  const sent = await sendVerificationEmail(user, { throttle: true });
  return sent
    ? { status: "success", message: `We have sent a new link to ${user.email}.` }
    : { status: "error", message: "We sent you a link less than a minute ago. Please check your inbox." };
}
