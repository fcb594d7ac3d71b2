"use client";

import { useTranslations } from "next-intl";
import { FormProvider } from "react-hook-form";
import { AuthenticationCodeField } from "@/components/forms/authentication-code-field";
import { FormAlert } from "@/components/forms/form-alert";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useServerForm } from "@/components/forms/use-server-form";
import { confirmIdentitySchemaFor } from "@/lib/validations/admin";
import { confirmIdentityAction } from "./actions/confirm-identity";

/** The current password, or (with two-factor on) a code instead; then back to this account's page. */
export function ConfirmIdentityForm({ userId, twoFactor }: { userId: string; twoFactor: boolean }) {
  const t = useTranslations("admin.confirmIdentity");
  const { form, state, pending, formProps } = useServerForm(
    confirmIdentitySchemaFor(twoFactor),
    confirmIdentityAction,
    { userId, currentPassword: "", code: "" },
  );
  return (
    <FormProvider {...form}>
      <form {...formProps} className="stack">
        <FormAlert message={state.status === "error" ? state.message : null} />
        <input type="hidden" {...form.register("userId")} />
        <PasswordField
          name="currentPassword"
          label={t("currentPassword")}
          autoComplete="current-password"
          hint={twoFactor ? t("codeInstead") : undefined}
        />
        {twoFactor && <AuthenticationCodeField />}
        <SubmitButton label={t("submit")} pending={pending} />
      </form>
    </FormProvider>
  );
}
