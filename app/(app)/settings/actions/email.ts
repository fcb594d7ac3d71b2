"use server";

import { requestEmailChange } from "@/lib/account/change-email";
import { formValues, invalidState, type FormState } from "@/lib/action-state";
import { requireSession } from "@/lib/dal";
import { throttleForm } from "@/lib/form-throttle";
import { securityContext } from "@/lib/request-context";
import { changeEmailSchema } from "@/lib/validations/settings";
import { CREDENTIALS_CHANGED, withCurrentPassword } from "./messages";

export async function changeEmailAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { user } = await requireSession("/settings");
  const parsed = changeEmailSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalidState(parsed.error);
  const limited = await throttleForm("settings-email", user.email, parsed.data.newEmail);
  if (limited) return limited;
  const context = await securityContext();
  const result = await withCurrentPassword(() => requestEmailChange(user, parsed.data, context));
  if (typeof result !== "string") return result;
  if (result === "conflict") return CREDENTIALS_CHANGED;
  if (result === "same-address") {
    return {
      status: "error",
      message: "Please correct the highlighted fields.",
      fieldErrors: { newEmail: ["That is already your email address."] },
    };
  }
  // The same answer whether or not the address already has an account.
  return {
    status: "success",
    message:
      `We have sent a link to ${parsed.data.newEmail}. Your email address changes when you open it; ` +
      "until then, keep using your current one.",
  };
}
