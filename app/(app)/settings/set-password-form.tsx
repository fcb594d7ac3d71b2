"use client";

import { useActionState } from "react";
import { FormMessages } from "@/components/forms/form-messages";
import { idleState } from "@/lib/action-state";
import { sendPasswordSetupLinkAction } from "./actions/set-password";

/** For an account without a password: a link to its own address sets one, as a reset does. */
export function SetPasswordForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState(sendPasswordSetupLinkAction, idleState);
  return (
    <form action={action} className="stack">
      <FormMessages state={state} />
      <p>
        Your account has no password: you sign in with a connected account or a passkey. To add a password, we
        email a link to {email}.
      </p>
      <button type="submit" disabled={pending} aria-busy={pending || undefined}>
        Email me a link to set a password
      </button>
    </form>
  );
}
