"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessages } from "@/components/forms/form-messages";
import { RetryWait } from "@/components/forms/retry-wait";
import { SubmitButton } from "@/components/forms/submit-button";
import { resendConfirmationLink } from "./actions";

export function ResendForm() {
  const t = useTranslations("checkEmail");
  const [state, formAction, pending] = useActionState(resendConfirmationLink, { status: "idle" });
  return (
    <form action={formAction} className="stack">
      <FormMessages state={state} />
      <p className="field-hint">{t("resendLimit")}</p>
      <RetryWait state={state}>
        <SubmitButton label={t("resend")} pending={pending} />
      </RetryWait>
    </form>
  );
}
