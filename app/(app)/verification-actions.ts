"use server";

import { sendVerificationEmail } from "@/lib/auth/email-verification";
import { signedInFormAction } from "@/lib/form-action";
import { MAILS_PER_ADDRESS_PER_DAY } from "@/lib/mail/daily-cap";
import { buttonOnlySchema } from "@/lib/validations/account";
import { message } from "@/lib/i18n/message";

export const resendVerificationEmail = signedInFormAction("/dashboard", {
  schema: buttonOnlySchema,
  throttle: { form: "resend-verification", emails: (_input, { session }) => [session.user.email] },
  async run(_input, { session: { user } }) {
    if (user.emailVerified) return { status: "success", message: message("emailBanner.alreadyConfirmed") };
    const sent = await sendVerificationEmail(user, { throttle: true });
    if (sent === "sent") {
      return { status: "success", message: message("emailBanner.sent", { email: user.email }) };
    }
    return {
      status: "error",
      message:
        sent === "too-soon"
          ? message("emailBanner.tooSoon")
          : message("emailBanner.dailyCap", { count: MAILS_PER_ADDRESS_PER_DAY }),
    };
  },
});
