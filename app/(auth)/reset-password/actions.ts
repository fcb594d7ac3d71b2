"use server";

import { redirect } from "next/navigation";
import { formValues, invalidState, type FormState } from "@/lib/action-state";
import { INVALID_RESET_LINK } from "@/lib/auth/link-messages";
import { forgetLinkToken } from "@/lib/auth/link-token";
import { resetLinkContext, serverPasswordPolicy } from "@/lib/auth/password-policy";
import { resetPassword } from "@/lib/auth/password-reset";
import { throttleForm } from "@/lib/form-throttle";
import { withNotice } from "@/lib/redirect-notice";
import { securityContext } from "@/lib/request-context";
import { resetPasswordSchemaFor } from "@/lib/validations/account";

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const policy = serverPasswordPolicy(await resetLinkContext(values.token));
  const parsed = resetPasswordSchemaFor(policy).safeParse(values);
  if (!parsed.success) return invalidState(parsed.error);
  const limited = await throttleForm("reset-password");
  if (limited) return limited;
  const { token, newPassword } = parsed.data;
  if (!(await resetPassword(token, newPassword, await securityContext()))) {
    return { status: "error", message: INVALID_RESET_LINK };
  }
  await forgetLinkToken("/reset-password"); // only once used: see app/(auth)/verify-email/actions.ts
  // Not signed in on purpose: the reset signed out every session, this browser's included.
  redirect(withNotice("/login", "password-reset"));
}
