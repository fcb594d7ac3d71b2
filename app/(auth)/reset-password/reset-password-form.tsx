"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { FormProvider } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { PasswordField } from "@/components/forms/password-field";
import { PasswordStrengthMeter } from "@/components/forms/password-strength-meter";
import { RetryWait } from "@/components/forms/retry-wait";
import { SubmitButton } from "@/components/forms/submit-button";
import { useServerForm } from "@/components/forms/use-server-form";
import { resetPasswordSchemaFor } from "@/lib/validations/account";
import type { ClientPasswordPolicy } from "@/lib/validations/password-policy";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token, policy }: { token: string; policy: ClientPasswordPolicy }) {
  const t = useTranslations("resetPassword");
  const forms = useTranslations("forms");
  const schema = useMemo(() => resetPasswordSchemaFor(policy), [policy]);
  const { form, state, pending, formProps } = useServerForm(schema, resetPasswordAction, {
    token,
    newPassword: "",
    confirmPassword: "",
  });
  return (
    <FormProvider {...form}>
      <form {...formProps} className="stack">
        <FormAlert message={state.message} />
        <input type="hidden" name="token" value={token} />
        <PasswordField
          name="newPassword"
          label={t("newPassword")}
          autoComplete="new-password"
          hint={forms("newPasswordHint", { min: policy.minLength })}
          below={<PasswordStrengthMeter name="newPassword" minLength={policy.minLength} />}
        />
        <PasswordField name="confirmPassword" label={t("confirmPassword")} autoComplete="new-password" />
        <RetryWait state={state}>
          <SubmitButton label={t("submit")} pending={pending} />
        </RetryWait>
      </form>
      {state.status === "error" && !state.fieldErrors && !state.retryAfter && (
        <p>
          <Link href="/forgot-password">{t("askNewLink")}</Link>
        </p>
      )}
    </FormProvider>
  );
}
