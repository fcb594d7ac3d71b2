"use server";

import { after } from "next/server";
import { checkEmailAddress } from "@/lib/auth/check-email-address";
import { resendConfirmation } from "@/lib/auth/resend-confirmation";
import { formAction } from "@/lib/form-action";
import { throttleFormByEmail } from "@/lib/form-throttle";
import { message } from "@/lib/i18n/message";
import { buttonOnlySchema } from "@/lib/validations/account";

/**
 * /check-email's "Send the link again": the same answer whether or not the address has an
 * account waiting for confirmation (the work happens after the response), within the
 * verification mail's own limits (once a minute, a few a day) and the form's throttle.
 */
export const resendConfirmationLink = formAction({
  schema: buttonOnlySchema,
  throttle: { form: "resend-verification" },
  async run() {
    const email = await checkEmailAddress();
    if (!email) return { status: "error", message: message("checkEmail.noAddress") };
    const throttled = await throttleFormByEmail("resend-verification", email);
    if (throttled) return throttled;
    after(() =>
      resendConfirmation(email).catch((error: unknown) => {
        console.error(
          "[check-email] could not resend a confirmation link:",
          error instanceof Error ? error.message : error,
        );
      }),
    );
    return { status: "success", message: message("checkEmail.resent") };
  },
});
