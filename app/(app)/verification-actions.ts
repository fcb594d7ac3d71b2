"use server";

import { sendVerificationEmail } from "@/lib/auth/email-verification";
import { signedInFormAction } from "@/lib/form-action";
import { MAILS_PER_ADDRESS_PER_DAY } from "@/lib/mail/daily-cap";
import { buttonOnlySchema } from "@/lib/validations/account";

export const resendVerificationEmail = signedInFormAction("/dashboard", {
  schema: buttonOnlySchema,
  throttle: { form: "resend-verification", emails: (_input, { session }) => [session.user.email] },
  async run(_input, { session: { user } }) {
    if (user.emailVerified) return { status: "success", message: "Your email address is already confirmed." };
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
  },
});
