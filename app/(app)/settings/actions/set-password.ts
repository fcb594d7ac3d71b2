"use server";

import { sendPasswordSetupLink } from "@/lib/account/set-password";
import { signedInFormAction } from "@/lib/form-action";
import { buttonOnlySchema } from "@/lib/validations/account";
import { message } from "@/lib/i18n/message";

/** Password → "Email me a link to set a password", for an account that has none. */
export const sendPasswordSetupLinkAction = signedInFormAction("/settings", {
  schema: buttonOnlySchema,
  throttle: { form: "settings-password", emails: (_input, { session }) => [session.user.email] },
  async run(_input, { session: { user } }) {
    const sent = await sendPasswordSetupLink(user);
    if (sent === "has-password")
      return { status: "error", message: message("settings.setPassword.hasPassword") };
    if (sent === "too-soon") return { status: "error", message: message("settings.setPassword.tooSoon") };
    return { status: "success", message: message("settings.setPassword.sent", { email: user.email }) };
  },
});
