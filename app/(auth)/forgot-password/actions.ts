"use server";

import { after } from "next/server";
import { resetLinkSent } from "@/lib/auth/link-messages";
import { sendPasswordResetLink } from "@/lib/auth/password-reset";
import { env } from "@/lib/env";
import { formAction } from "@/lib/form-action";
import { forgotPasswordSchema } from "@/lib/validations/account";

/**
 * Always the same words, status and timing: the lookup and the mail happen after the
 * response, so nothing here tells whether the address has an account. The throttle is the
 * same for every address, with or without an account, so it reveals nothing either.
 */
export const requestPasswordReset = formAction({
  schema: forgotPasswordSchema,
  throttle: { form: "forgot-password", emails: ({ email }) => [email] },
  async run({ email }) {
    after(() =>
      sendPasswordResetLink(email).catch((error: unknown) => {
        console.error(
          "[forgot-password] could not send a reset link:",
          error instanceof Error ? error.message : error,
        );
      }),
    );
    return { status: "success", message: resetLinkSent(env.RESET_PASSWORD_TOKEN_TTL) };
  },
});
