"use client";

import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { FormProvider } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { PasswordField } from "@/components/forms/password-field";
import { useServerForm } from "@/components/forms/use-server-form";
import type { FormState } from "@/lib/action-state";
import { FreshSignInHint } from "@/components/forms/fresh-sign-in-hint";
import { deleteAccountSchemaFor } from "@/lib/validations/settings";
import { deleteAccountAction } from "./actions/delete-account";

/**
 * Two steps: "Delete account" checks the password field and shows a warning with the final
 * "Delete account" (and "Cancel") in its place; only that second button, which sends
 * confirm=delete, can delete. Without JavaScript the first press reaches the server, which
 * answers that the deletion needs confirming; the page then opens on the second step, with
 * the password to type again (it is never sent back to the browser).
 */
export function DeleteAccountForm({ askPassword = true }: { askPassword?: boolean }) {
  const schema = useMemo(() => deleteAccountSchemaFor(askPassword), [askPassword]);
  const { form, state, pending, formProps } = useServerForm(schema, deleteAccountAction, {
    currentPassword: "",
    confirm: "",
  });
  // The confirmation belongs to the answer it was opened after: a new answer (a wrong
  // password) closes it again.
  const [confirmingAfter, setConfirmingAfter] = useState<FormState | null>(
    state.fieldErrors?.confirm ? state : null,
  );
  const confirming = confirmingAfter === state;
  const finalButton = useRef<HTMLButtonElement>(null);
  const firstButton = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);

  useEffect(() => {
    if (confirming) finalButton.current?.focus();
    // Cancel goes away with the warning: focus returns to the button that opened it.
    else if (cancelled.current) firstButton.current?.focus();
    cancelled.current = false;
  }, [confirming]);

  async function askToConfirm() {
    if (!(await form.trigger("currentPassword", { shouldFocus: true }))) return;
    form.setValue("confirm", "delete");
    setConfirmingAfter(state);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (confirming) return formProps.onSubmit(event);
    // Enter in the password field: the first step, never the deletion itself.
    event.preventDefault();
    void askToConfirm();
  }

  return (
    <FormProvider {...form}>
      <form {...formProps} onSubmit={onSubmit} className="stack">
        <FormAlert message={state.status === "error" && !confirming ? state.message : null} />
        {askPassword ? (
          <PasswordField name="currentPassword" label="Current password" autoComplete="current-password" />
        ) : (
          <FreshSignInHint />
        )}
        {confirming ? (
          <div className="stack confirm-box">
            <p id="delete-account-warning">
              <strong>Are you sure?</strong> This deletes your account, its sessions and its data for good. It
              cannot be undone.
              {state.fieldErrors?.confirm ? " Enter your current password again to confirm." : null}
            </p>
            <div className="actions">
              <button
                ref={finalButton}
                type="submit"
                name="confirm"
                value="delete"
                className="danger"
                disabled={pending}
                aria-busy={pending || undefined}
                aria-describedby="delete-account-warning"
              >
                Delete account
              </button>
              <button
                type="button"
                disabled={pending}
                onClick={() => {
                  cancelled.current = true;
                  setConfirmingAfter(null);
                }}
              >
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button ref={firstButton} type="submit" className="danger">
            Delete account
          </button>
        )}
      </form>
    </FormProvider>
  );
}
