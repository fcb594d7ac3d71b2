"use server";

import { signOut } from "@/auth";
import { deleteAccount } from "@/lib/account/delete-account";
import { hasPassword } from "@/lib/account/set-password";
import { signedInFormAction } from "@/lib/form-action";
import { securityContext } from "@/lib/request-context";
import { deleteAccountSchemaFor } from "@/lib/validations/settings";
import { message } from "@/lib/i18n/message";

export const deleteAccountAction = signedInFormAction("/settings", {
  schema: async ({ session }) => deleteAccountSchemaFor(await hasPassword(session.user.id)),
  throttle: { form: "settings-delete", emails: (_input, { session }) => [session.user.email] },
  async run({ currentPassword }, { session: { user, sessionId } }) {
    const result = await deleteAccount(user, currentPassword, await securityContext(), sessionId);
    if (result === "last-admin") {
      return {
        status: "error",
        message: message("settings.deleteAccount.lastAdmin"),
      };
    }
    if (result !== "deleted") return result;
    // The session rows went with the user; this clears the cookie and lands on the home page.
    await signOut({ redirectTo: "/?notice=account-deleted" });
    return { status: "success" };
  },
});
