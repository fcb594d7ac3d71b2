"use server";

import { revalidatePath } from "next/cache";
import { changePassword } from "@/lib/account/change-password";
import { formValues, invalidState, type FormState } from "@/lib/action-state";
import { serverPasswordPolicy } from "@/lib/auth/password-policy";
import { requireSession } from "@/lib/dal";
import { throttleForm } from "@/lib/form-throttle";
import { securityContext } from "@/lib/request-context";
import { changePasswordSchemaFor } from "@/lib/validations/settings";
import { CREDENTIALS_CHANGED, withCurrentPassword } from "./messages";

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user, sessionId } = await requireSession("/settings");
  const schema = changePasswordSchemaFor(serverPasswordPolicy([user.email, user.name]));
  const parsed = schema.safeParse(formValues(formData));
  if (!parsed.success) return invalidState(parsed.error);
  const limited = await throttleForm("settings-password", user.email);
  if (limited) return limited;
  const context = await securityContext();
  const result = await withCurrentPassword(() => changePassword(user, sessionId, parsed.data, context));
  if (typeof result !== "string") return result;
  if (result === "conflict") return CREDENTIALS_CHANGED;
  revalidatePath("/settings");
  return {
    status: "success",
    message: "Your password has been changed. Every other session has been signed out.",
  };
}
