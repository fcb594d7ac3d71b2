"use server";

import { redirect } from "next/navigation";
import { INVALID_RESET_LINK } from "@/lib/auth/link-messages";
import { forgetLinkToken } from "@/lib/auth/link-token";
import { resetLinkContext, serverPasswordPolicy } from "@/lib/auth/password-policy";
import { resetPassword } from "@/lib/auth/password-reset";
import { formAction } from "@/lib/form-action";
import { withNotice } from "@/lib/redirect-notice";
import { securityContext } from "@/lib/request-context";
import { resetPasswordSchemaFor } from "@/lib/validations/account";

export const resetPasswordAction = formAction({
  // Held to the same rules as registration, with the link's account as context.
  schema: async ({ values }) =>
    resetPasswordSchemaFor(serverPasswordPolicy(await resetLinkContext(values.token))),
  throttle: { form: "reset-password" },
  async run({ token, newPassword }) {
    if (!(await resetPassword(token, newPassword, await securityContext()))) {
      return { status: "error", message: INVALID_RESET_LINK };
    }
    await forgetLinkToken("/reset-password"); // only once used: see app/(auth)/verify-email/actions.ts
    // Not signed in on purpose: the reset signed out every session, this browser's included.
    redirect(withNotice("/login", "password-reset"));
  },
});
