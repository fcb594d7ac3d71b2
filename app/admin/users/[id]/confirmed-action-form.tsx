"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef, useState, type MouseEvent } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { idleState, type FormState } from "@/lib/action-state";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Hidden fields: which account (and session) the action is for. */
  fields: Record<string, string>;
  label: string;
  /** What the second step says will happen. */
  warning: React.ReactNode;
  danger?: boolean;
  /** Inputs of the action itself (the role to give), shown before its button. */
  children?: React.ReactNode;
};

/**
 * An admin action in two steps, like Settings → Delete account: the first button shows what
 * will happen, with the final button (sending confirm=yes) and Cancel in its place. Without
 * JavaScript the first button reaches the server, which answers that it needs confirming,
 * and the page opens on the second step. Success redirects to the page, which says so.
 */
export function ConfirmedActionForm({ action, fields, label, warning, danger, children }: Props) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, idleState);
  // The confirmation belongs to the answer it was opened after: a new answer closes it.
  const [confirmingAfter, setConfirmingAfter] = useState<FormState | null>(
    state.fieldErrors?.confirm ? state : null,
  );
  const confirming = confirmingAfter === state;
  const finalButton = useRef<HTMLButtonElement>(null);
  const firstButton = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);
  const warningId = useId();
  const t = useTranslations("admin.actions");

  useEffect(() => {
    if (confirming) finalButton.current?.focus();
    // Cancel goes away with the warning: focus returns to the button that opened it.
    else if (cancelled.current) firstButton.current?.focus();
    cancelled.current = false;
  }, [confirming]);

  function askToConfirm(event: MouseEvent<HTMLButtonElement>) {
    event.preventDefault();
    setConfirmingAfter(state);
  }

  const otherError = state.status === "error" && !state.fieldErrors?.confirm ? state.message : null;
  return (
    <form action={formAction} className="stack admin-action">
      <FormAlert message={confirming ? null : otherError} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      {confirming ? (
        <div className="stack confirm-box">
          <p id={warningId}>
            <strong>{t("areYouSure")}</strong> {warning}
          </p>
          <div className="actions">
            <button
              ref={finalButton}
              type="submit"
              name="confirm"
              value="yes"
              className={danger ? "danger" : undefined}
              disabled={pending}
              aria-busy={pending || undefined}
              aria-describedby={warningId}
            >
              {label}
            </button>
            <button
              type="button"
              disabled={pending}
              onClick={() => {
                cancelled.current = true;
                setConfirmingAfter(null);
              }}
            >
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button
            ref={firstButton}
            type="submit"
            className={danger ? "danger" : undefined}
            onClick={askToConfirm}
          >
            {label}
          </button>
        </div>
      )}
    </form>
  );
}
