"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { FormProvider } from "react-hook-form";
import { FormMessages } from "@/components/forms/form-messages";
import { PasswordField } from "@/components/forms/password-field";
import { PasswordStrengthMeter } from "@/components/forms/password-strength-meter";
import { SubmitButton } from "@/components/forms/submit-button";
import { useServerForm } from "@/components/forms/use-server-form";
import type { ClientPasswordPolicy } from "@/lib/validations/password-policy";
import { changePasswordSchemaFor } from "@/lib/validations/settings";
import { changePasswordAction } from "./actions/password";

export function PasswordForm({ policy }: { policy: ClientPasswordPolicy }) {
  const t = useTranslations("settings");
  const schema = useMemo(() => changePasswordSchemaFor(policy), [policy]);
  const { form, state, pending, formProps } = useServerForm(
    schema,
    changePasswordAction,
    {
      currentPassword: "",
      newPassword: "",
      confirmPassword: "",
    },
    { resetOnSuccess: true },
  );
  return (
    <FormProvider {...form}>
      <form {...formProps} className="stack">
        <FormMessages state={state} />
        <PasswordField name="currentPassword" label={t("currentPassword")} autoComplete="current-password" />
        <PasswordField
          name="newPassword"
          label={t("password.newPassword")}
          autoComplete="new-password"
          hint={t("password.newPasswordHint", { min: policy.minLength })}
        />
        <PasswordStrengthMeter name="newPassword" minLength={policy.minLength} context={policy.context} />
        <PasswordField
          name="confirmPassword"
          label={t("password.confirmPassword")}
          autoComplete="new-password"
        />
        <SubmitButton label={t("password.submit")} pending={pending} />
      </form>
    </FormProvider>
  );
}
