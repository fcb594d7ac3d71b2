"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessages } from "@/components/forms/form-messages";
import { idleState } from "@/lib/action-state";
import { disconnectProviderAction } from "../actions/connected-accounts";

export function DisconnectForm({ provider }: { provider: { id: string; name: string } }) {
  const t = useTranslations("settings.connectedAccounts");
  const [state, action, pending] = useActionState(disconnectProviderAction, idleState);
  return (
    <form action={action} className="stack">
      <FormMessages state={state} />
      <input type="hidden" name="provider" value={provider.id} />
      <button type="submit" disabled={pending} aria-busy={pending || undefined}>
        {t("disconnect", { provider: provider.name })}
      </button>
    </form>
  );
}
