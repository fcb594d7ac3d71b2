"use client";

import { FormProvider } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useServerForm } from "@/components/forms/use-server-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/validations/fields";
import { registerSchema } from "@/lib/validations/auth";
import { register } from "./actions";

export function RegisterForm({ callbackUrl }: { callbackUrl: string }) {
  const { form, state, pending, formProps } = useServerForm(registerSchema, register, {
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
        <TextField name="name" label="Name" autoComplete="name" />
        <TextField name="email" label="Email" type="email" autoComplete="email" inputMode="email" />
        <PasswordField
          name="password"
          label="Password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A long phrase is easy to remember and hard to guess.`}
        />
        <PasswordField name="confirmPassword" label="Confirm password" autoComplete="new-password" />
        <SubmitButton label="Create account" pending={pending} />
      </form>
    </FormProvider>
  );
}
