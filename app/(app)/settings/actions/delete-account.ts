"use server";

import { signOut } from "@/auth";
import { deleteAccount } from "@/lib/account/delete-account";
import { formValues, invalidState, type FormState } from "@/lib/action-state";
import { requireSession } from "@/lib/dal";
import { throttleForm } from "@/lib/form-throttle";
import { securityContext } from "@/lib/request-context";
import { deleteAccountSchema } from "@/lib/validations/settings";
import { withCurrentPassword } from "./messages";

export async function deleteAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user } = await requireSession("/settings");
  const parsed = deleteAccountSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalidState(parsed.error);
  const limited = await throttleForm("settings-delete", user.email);
  if (limited) return limited;
  const context = await securityContext();
  const result = await withCurrentPassword(() => deleteAccount(user, parsed.data.currentPassword, context));
  if (typeof result !== "string") return result;
  // The session rows went with the user; this clears the cookie and lands on the home page.
  await signOut({ redirectTo: "/?notice=account-deleted" });
  return { status: "success" };
}
