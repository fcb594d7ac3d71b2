"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { FormProvider } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { PasswordField } from "@/components/forms/password-field";
import { PasswordStrengthMeter } from "@/components/forms/password-strength-meter";
import { RetryWait } from "@/components/forms/retry-wait";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useServerForm } from "@/components/forms/use-server-form";
import type { ClientPasswordPolicy } from "@/lib/validations/password-policy";
import { register } from "./actions";

type Props = { callbackUrl: string; policy: ClientPasswordPolicy };

export function RegisterForm({ callbackUrl, policy }: Props) {
  const t = useTranslations("register");
  const forms = useTranslations("forms");
  // The server's policy minus its common-password list, which the action checks; loaded once
  // someone types or presses a button (components/forms/use-server-form.ts).
  const schema = useMemo(
    () => () => import("@/lib/validations/auth").then((schemas) => schemas.registerSchema(policy)),
    [policy],
  );
  const { form, state, pending, formProps } = useServerForm(schema, register, {
    name: "",
    email: "",
    password: "",
    confirmPassword: "",
  });
  return (
    <FormProvider {...form}>
      <form {...formProps} className="stack">
        <FormAlert message={state.message} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <TextField name="name" label={t("name")} autoComplete="name" />
        <TextField name="email" label={t("email")} type="email" autoComplete="email" inputMode="email" />
        <PasswordField
          name="password"
          label={t("password")}
          autoComplete="new-password"
          hint={forms("newPasswordHint", { min: policy.minLength })}
          below={
            <PasswordStrengthMeter
              name="password"
              minLength={policy.minLength}
              contextFields={["email", "name"]}
            />
          }
        />
        <PasswordField name="confirmPassword" label={t("confirmPassword")} autoComplete="new-password" />
        <RetryWait state={state}>
          <SubmitButton label={t("submit")} pending={pending} />
        </RetryWait>
      </form>
    </FormProvider>
  );
}
