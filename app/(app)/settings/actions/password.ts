"use server";

import { revalidatePath } from "next/cache";
import { changePassword } from "@/lib/account/change-password";
import { serverPasswordPolicy } from "@/lib/auth/password-policy";
import { signedInFormAction } from "@/lib/form-action";
import { securityContext } from "@/lib/request-context";
import { changePasswordSchemaFor } from "@/lib/validations/settings";
import { CREDENTIALS_CHANGED } from "./messages";
import { message } from "@/lib/i18n/message";

export const changePasswordAction = signedInFormAction("/settings", {
  schema: ({ session: { user } }) => changePasswordSchemaFor(serverPasswordPolicy([user.email, user.name])),
  throttle: { form: "settings-password", emails: (_input, { session }) => [session.user.email] },
  async run(input, { session: { user, sessionId } }) {
    const result = await changePassword(user, sessionId, input, await securityContext());
    if (typeof result !== "string") return result;
    if (result === "conflict") return CREDENTIALS_CHANGED;
    revalidatePath("/settings");
    return {
      status: "success",
      message: message("settings.password.changed"),
    };
  },
});
