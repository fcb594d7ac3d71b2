"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessages } from "@/components/forms/form-messages";
import { idleState } from "@/lib/action-state";
import { sendPasswordSetupLinkAction } from "./actions/set-password";

/** For an account without a password: a link to its own address sets one, as a reset does. */
export function SetPasswordForm({ email }: { email: string }) {
  const t = useTranslations("settings.setPassword");
  const [state, action, pending] = useActionState(sendPasswordSetupLinkAction, idleState);
  return (
    <form action={action} className="stack">
      <FormMessages state={state} />
      <p>{t.rich("intro", { email, bdi: (chunks) => <bdi>{chunks}</bdi> })}</p>
      <button type="submit" disabled={pending} aria-busy={pending || undefined}>
        {t("submit")}
      </button>
    </form>
  );
}
