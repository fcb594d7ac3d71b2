"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { FormProvider, useWatch } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { PasswordField } from "@/components/forms/password-field";
import { useServerForm } from "@/components/forms/use-server-form";
import type { FormState } from "@/lib/action-state";
import { deleteAccountSchemaFor } from "@/lib/validations/settings";
import { deleteAccountAction } from "./actions/delete-account";
import { FreshSignInHint } from "./fresh-sign-in-hint";

/**
 * Two steps: "Delete account" checks the password field and shows a warning with the final
 * "Delete account" (and "Cancel") in its place; only that second button, which sends
 * confirm=delete, can delete. Without JavaScript the first press reaches the server, which
 * answers that the deletion needs confirming; the page then opens on the second step, with
 * the password to type again (it is never sent back to the browser).
 */
export function DeleteAccountForm({ askPassword = true }: { askPassword?: boolean }) {
  const t = useTranslations("settings");
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

  // Once the field shows an error, it is checked again as it is typed in, not only when it
  // loses focus: otherwise the error vanishes on the mousedown that blurs it, the button
  // below moves up, and that first click lands beside it.
  const password = useWatch({ control: form.control, name: "currentPassword" });
  const typed = useRef(password);
  const { trigger, getFieldState } = form;
  useEffect(() => {
    if (typed.current === password) return;
    typed.current = password;
    if (getFieldState("currentPassword").error) void trigger("currentPassword");
  }, [password, trigger, getFieldState]);

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
          <PasswordField
            name="currentPassword"
            label={t("currentPassword")}
            autoComplete="current-password"
          />
        ) : (
          <FreshSignInHint />
        )}
        {confirming ? (
          <div className="stack confirm-box">
            <p id="delete-account-warning">
              <strong>{t("deleteAccount.areYouSure")}</strong> {t("deleteAccount.warning")}
              {state.fieldErrors?.confirm ? ` ${t("deleteAccount.enterAgain")}` : null}
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
                {t("deleteAccount.submit")}
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
          <button ref={firstButton} type="submit" className="danger">
            {t("deleteAccount.submit")}
          </button>
        )}
      </form>
    </FormProvider>
  );
}
