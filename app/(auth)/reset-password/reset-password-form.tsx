"use client";

import Link from "next/link";
import { useMemo } from "react";
import { FormProvider } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { PasswordField } from "@/components/forms/password-field";
import { PasswordStrengthMeter } from "@/components/forms/password-strength-meter";
import { SubmitButton } from "@/components/forms/submit-button";
import { useServerForm } from "@/components/forms/use-server-form";
import { resetPasswordSchemaFor } from "@/lib/validations/account";
import type { ClientPasswordPolicy } from "@/lib/validations/password-policy";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token, policy }: { token: string; policy: ClientPasswordPolicy }) {
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
          label="New password"
          autoComplete="new-password"
          hint={`At least ${policy.minLength} characters. A long phrase is easy to remember and hard to guess.`}
        />
        <PasswordStrengthMeter name="newPassword" minLength={policy.minLength} />
        <PasswordField name="confirmPassword" label="Confirm password" autoComplete="new-password" />
        <SubmitButton label="Reset password" pending={pending} />
      </form>
      {state.status === "error" && !state.fieldErrors && (
        <p>
          <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      )}
    </FormProvider>
  );
}
