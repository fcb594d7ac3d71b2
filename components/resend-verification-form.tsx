"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { resendVerificationEmail } from "@/app/(app)/verification-actions";
import { SubmitButton } from "@/components/forms/submit-button";
import { useMessageText } from "@/components/i18n/use-message-text";

export function ResendVerificationForm() {
  const t = useTranslations("emailBanner");
  const text = useMessageText();
  const [state, formAction, pending] = useActionState(resendVerificationEmail, { status: "idle" });
  return (
    <form action={formAction} className="stack">
      {state.message && <p role={state.status === "error" ? "alert" : "status"}>{text(state.message)}</p>}
      <SubmitButton label={t("resend")} pending={pending} />
    </form>
  );
}
