"use client";

import { useEffect } from "react";
import { FormProvider } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { FormStatus } from "@/components/forms/form-status";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useServerForm } from "@/components/forms/use-server-form";
import { changeEmailSchema } from "@/lib/validations/settings";
import { changeEmailAction } from "./actions/email";

export function EmailForm() {
  const { form, state, pending, formProps } = useServerForm(changeEmailSchema, changeEmailAction, {
    newEmail: "",
    currentPassword: "",
  });
  useEffect(() => {
    if (state.status === "success") form.reset();
  }, [state, form]);
  return (
    <FormProvider {...form}>
      <form {...formProps} className="stack">
        <FormAlert message={state.status === "error" ? state.message : null} />
        <FormStatus message={state.status === "success" ? state.message : null} />
        <TextField name="newEmail" label="New email" type="email" autoComplete="email" inputMode="email" />
        <PasswordField name="currentPassword" label="Current password" autoComplete="current-password" />
        <SubmitButton label="Change email" pending={pending} />
      </form>
    </FormProvider>
  );
}
