"use server";

import { sendPasswordSetupLink } from "@/lib/account/set-password";
import { signedInFormAction } from "@/lib/form-action";
import { buttonOnlySchema } from "@/lib/validations/account";

/** Password → "Email me a link to set a password", for an account that has none. */
export const sendPasswordSetupLinkAction = signedInFormAction("/settings", {
  schema: buttonOnlySchema,
  throttle: { form: "settings-password", emails: (_input, { session }) => [session.user.email] },
  async run(_input, { session: { user } }) {
    const sent = await sendPasswordSetupLink(user);
    if (sent === "has-password") return { status: "error", message: "Your account already has a password." };
    if (sent === "too-soon") {
      return {
        status: "error",
        message: "We sent you a link less than a minute ago. Please check your inbox.",
      };
    }
    return {
      status: "success",
      message: `We have sent a link to ${user.email}. Open it to choose your password.`,
    };
  },
});
