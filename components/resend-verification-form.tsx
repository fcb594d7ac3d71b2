"use client";

import { useActionState } from "react";
import { resendVerificationEmail } from "@/app/(app)/verification-actions";
import { SubmitButton } from "@/components/forms/submit-button";

export function ResendVerificationForm() {
  const [state, formAction, pending] = useActionState(resendVerificationEmail, { status: "idle" });
  return (
    <form action={formAction} className="stack">
      {state.message && <p role={state.status === "error" ? "alert" : "status"}>{state.message}</p>}
      <SubmitButton label="Resend verification email" pending={pending} />
    </form>
  );
}
