"use server";

import { requestEmailChange } from "@/lib/account/change-email";
import { hasPassword } from "@/lib/account/set-password";
import { signedInFormAction } from "@/lib/form-action";
import { securityContext } from "@/lib/request-context";
import { changeEmailSchemaFor } from "@/lib/validations/settings";
import { CREDENTIALS_CHANGED } from "./messages";
import { message } from "@/lib/i18n/message";

export const changeEmailAction = signedInFormAction("/settings", {
  schema: async ({ session }) => changeEmailSchemaFor(await hasPassword(session.user.id)),
  throttle: { form: "settings-email", emails: ({ newEmail }, { session }) => [session.user.email, newEmail] },
  async run(input, { session: { user, sessionId } }, { fieldError }) {
    const result = await requestEmailChange(user, input, await securityContext(), sessionId);
    if (typeof result !== "string") return result;
    if (result === "conflict") return CREDENTIALS_CHANGED;
    if (result === "same-address") return fieldError("newEmail", message("settings.email.sameAddress"));
    // The same answer whether or not the address already has an account.
    return {
      status: "success",
      message: message("settings.email.sent", { email: input.newEmail }),
    };
  },
});
