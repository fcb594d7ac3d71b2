"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { FormProvider } from "react-hook-form";
import { FormMessages } from "@/components/forms/form-messages";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useServerForm } from "@/components/forms/use-server-form";
import { connectProviderSchemaFor } from "@/lib/validations/providers";
import { connectProviderAction } from "../actions/connected-accounts";

/** Connect <Provider>, with the current password when this session's proof is the password. */
export function ConnectForm({
  provider,
  askPassword,
}: {
  provider: { id: string; name: string };
  askPassword: boolean;
}) {
  const t = useTranslations("settings");
  const schema = useMemo(() => connectProviderSchemaFor(askPassword), [askPassword]);
  const { form, state, pending, formProps } = useServerForm(schema, connectProviderAction, {
    provider: provider.id,
    currentPassword: "",
  });
  return (
    <FormProvider {...form}>
      <form {...formProps} className="stack">
        <FormMessages state={state} />
        <input type="hidden" {...form.register("provider")} />
        {askPassword && (
          <PasswordField
            name="currentPassword"
            label={t("currentPassword")}
            autoComplete="current-password"
          />
        )}
        <SubmitButton label={t("connectedAccounts.connect", { provider: provider.name })} pending={pending} />
      </form>
    </FormProvider>
  );
}
