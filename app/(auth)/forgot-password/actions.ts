"use server";

import { after } from "next/server";
import { formValues, invalidState, type FormState } from "@/lib/action-state";
import { resetLinkSent } from "@/lib/auth/link-messages";
import { env } from "@/lib/env";
import { sendPasswordResetLink } from "@/lib/auth/password-reset";
import { throttleForm } from "@/lib/form-throttle";
import { forgotPasswordSchema } from "@/lib/validations/account";

/**
 * Always the same words, status and timing: the lookup and the mail happen after the
 * response, so nothing here tells whether the address has an account.
 */
export async function requestPasswordReset(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = forgotPasswordSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalidState(parsed.error);
  const { email } = parsed.data;
  // The same for every address, with or without an account, so it reveals nothing either.
  const limited = await throttleForm("forgot-password", email);
  if (limited) return limited;
  after(() =>
    sendPasswordResetLink(email).catch((error: unknown) => {
      console.error(
        "[forgot-password] could not send a reset link:",
        error instanceof Error ? error.message : error,
      );
    }),
  );
  return { status: "success", message: resetLinkSent(env.RESET_PASSWORD_TOKEN_TTL) };
}
