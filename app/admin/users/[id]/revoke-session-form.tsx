"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { idleState } from "@/lib/action-state";
import { revokeUserSessionAction } from "./actions/sessions";

/** A session row's Revoke: one session of the account ends (a redirect says so). */
export function RevokeSessionForm({
  userId,
  sessionId,
  device,
}: {
  userId: string;
  sessionId: string;
  device: string;
}) {
  const [state, formAction, pending] = useActionState(revokeUserSessionAction, idleState);
  const t = useTranslations("admin.sessions");
  return (
    <form action={formAction}>
      <FormAlert message={state.status === "error" ? state.message : null} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <button type="submit" disabled={pending} aria-busy={pending || undefined}>
        {t.rich("revoke", { device, hidden: (words) => <span className="sr-only">{words}</span> })}
      </button>
    </form>
  );
}
