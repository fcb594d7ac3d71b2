"use client";

import { FormProvider } from "react-hook-form";
import { FormMessages } from "@/components/forms/form-messages";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useServerForm } from "@/components/forms/use-server-form";
import { changeEmailSchema } from "@/lib/validations/settings";
import { changeEmailAction } from "./actions/email";

export function EmailForm() {
  const { form, state, pending, formProps } = useServerForm(
    changeEmailSchema,
    changeEmailAction,
    {
      newEmail: "",
      currentPassword: "",
    },
    { resetOnSuccess: true },
  );
  return (
    <FormProvider {...form}>
      <form {...formProps} className="stack">
        <FormMessages state={state} />
        <TextField name="newEmail" label="New email" type="email" autoComplete="email" inputMode="email" />
        <PasswordField name="currentPassword" label="Current password" autoComplete="current-password" />
        <SubmitButton label="Change email" pending={pending} />
      </form>
    </FormProvider>
  );
}
