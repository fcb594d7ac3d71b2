"use client";

import { FormProvider } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useServerForm } from "@/components/forms/use-server-form";
import { Notice } from "@/components/notice";
import { forgotPasswordSchema } from "@/lib/validations/account";
import { requestPasswordReset } from "./actions";

export function ForgotPasswordForm() {
  const { form, state, pending, formProps } = useServerForm(forgotPasswordSchema, requestPasswordReset, {
    email: "",
  });
  return (
    <FormProvider {...form}>
      {state.status === "success" && <Notice>{state.message}</Notice>}
      <form {...formProps} className="stack">
        <FormAlert message={state.status === "error" ? state.message : null} />
        <TextField name="email" label="Email" type="email" autoComplete="email" inputMode="email" />
        <SubmitButton label="Send reset link" pending={pending} />
      </form>
    </FormProvider>
  );
}
