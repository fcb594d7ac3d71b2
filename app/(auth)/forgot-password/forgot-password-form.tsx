"use client";

import { useTranslations } from "next-intl";
import { FormProvider } from "react-hook-form";
import { useMessageText } from "@/components/i18n/use-message-text";
import { FormAlert } from "@/components/forms/form-alert";
import { RetryWait } from "@/components/forms/retry-wait";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useServerForm } from "@/components/forms/use-server-form";
import { Notice } from "@/components/notice";
import { forgotPasswordSchema } from "@/lib/validations/account";
import { requestPasswordReset } from "./actions";

export function ForgotPasswordForm() {
  const t = useTranslations("forgotPassword");
  const text = useMessageText();
  const { form, state, pending, formProps } = useServerForm(forgotPasswordSchema, requestPasswordReset, {
    email: "",
  });
  return (
    <FormProvider {...form}>
      {state.status === "success" && state.message && <Notice>{text(state.message)}</Notice>}
      <form {...formProps} className="stack">
        <FormAlert message={state.status === "error" ? state.message : null} />
        <TextField name="email" label={t("email")} type="email" autoComplete="email" inputMode="email" />
        <RetryWait state={state}>
          <SubmitButton label={t("submit")} pending={pending} />
        </RetryWait>
      </form>
    </FormProvider>
  );
}
