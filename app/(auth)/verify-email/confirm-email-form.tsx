"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { SubmitButton } from "@/components/forms/submit-button";
import { confirmEmail } from "./actions";

export function ConfirmEmailForm({ token }: { token: string }) {
  const t = useTranslations("verifyEmail");
  const [state, formAction, pending] = useActionState(confirmEmail, { status: "idle" });
  return (
    <form action={formAction} className="stack">
      <FormAlert message={state.message} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton label={t("submit")} pending={pending} />
    </form>
  );
}
