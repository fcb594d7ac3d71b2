"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { FormProvider } from "react-hook-form";
import { FormMessages } from "@/components/forms/form-messages";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useServerForm } from "@/components/forms/use-server-form";
import { changeEmailSchemaFor } from "@/lib/validations/settings";
import { changeEmailAction } from "./actions/email";
import { FreshSignInHint } from "./fresh-sign-in-hint";

/** `askPassword`: the account has a password; one without proves the change by a fresh sign-in. */
export function EmailForm({ askPassword = true }: { askPassword?: boolean }) {
  const t = useTranslations("settings");
  const schema = useMemo(() => changeEmailSchemaFor(askPassword), [askPassword]);
  const { form, state, pending, formProps } = useServerForm(
    schema,
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
        <TextField
          name="newEmail"
          label={t("email.newEmail")}
          type="email"
          autoComplete="email"
          inputMode="email"
        />
        {askPassword ? (
          <PasswordField
            name="currentPassword"
            label={t("currentPassword")}
            autoComplete="current-password"
          />
        ) : (
          <FreshSignInHint />
        )}
        <SubmitButton label={t("email.submit")} pending={pending} />
      </form>
    </FormProvider>
  );
}
