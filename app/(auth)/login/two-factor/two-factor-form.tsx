"use client";

import { useTranslations } from "next-intl";
import { FormProvider } from "react-hook-form";
import { AuthenticationCodeField } from "@/components/forms/authentication-code-field";
import { FormAlert } from "@/components/forms/form-alert";
import { RetryWait } from "@/components/forms/retry-wait";
import { SubmitButton } from "@/components/forms/submit-button";
import { useServerForm } from "@/components/forms/use-server-form";
import { twoFactorCodeSchema } from "@/lib/validations/two-factor";
import { verifyTwoFactor } from "./actions";

export function TwoFactorForm() {
  const t = useTranslations("twoFactorSignIn");
  const { form, state, pending, formProps } = useServerForm(twoFactorCodeSchema, verifyTwoFactor, {
    code: "",
  });
  return (
    <FormProvider {...form}>
      <form {...formProps} className="stack">
        <FormAlert message={state.status === "error" ? state.message : null} />
        <AuthenticationCodeField />
        <RetryWait state={state}>
          <SubmitButton label={t("submit")} pending={pending} />
        </RetryWait>
      </form>
    </FormProvider>
  );
}
