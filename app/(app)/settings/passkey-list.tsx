"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormMessages } from "@/components/forms/form-messages";
import { useMessageText } from "@/components/i18n/use-message-text";
import { LocalTime } from "@/components/local-time";
import { idleState, type FormState } from "@/lib/action-state";
import { MAX_PASSKEY_NAME_LENGTH } from "@/lib/validations/passkeys";
import { passkeyRowAction } from "./actions/passkeys";

export type PasskeyRow = { id: string; name: string; createdAt: string; lastUsedAt: string | null };

/**
 * One table row per passkey: its name, when it was added and last used, Rename and Remove.
 * Remove works without JavaScript; Rename opens its field with it.
 */
export function PasskeyList({ passkeys }: { passkeys: PasskeyRow[] }) {
  const t = useTranslations("settings");
  const text = useMessageText();
  const [state, formAction, pending] = useActionState<FormState, FormData>(passkeyRowAction, idleState);
  // Open for one passkey while it still has the name it had: a saved new name closes it.
  const [renaming, setRenaming] = useState<{ id: string; from: string } | null>(null);
  const nameError = state.fieldErrors?.name?.map(text).join(" ");
  return (
    <>
      <FormMessages state={state} />
      {passkeys.length === 0 ? (
        <p className="muted empty-state">{t("passkeys.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="sessions">
            <caption className="sr-only">{t("passkeys.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("passkeys.name")}</th>
                <th scope="col">{t("passkeys.added")}</th>
                <th scope="col">{t("passkeys.lastUsed")}</th>
                <th scope="col">
                  <span className="sr-only">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {passkeys.map((passkey) => {
                const editing = renaming?.id === passkey.id && renaming.from === passkey.name;
                return (
                  <tr key={passkey.id}>
                    <th scope="row">
                      <bdi>{passkey.name}</bdi>
                    </th>
                    <td>
                      <LocalTime iso={passkey.createdAt} />
                    </td>
                    <td>{passkey.lastUsedAt ? <LocalTime iso={passkey.lastUsedAt} /> : t("never")}</td>
                    <td>
                      <form action={formAction} className="actions">
                        <input type="hidden" name="passkeyId" value={passkey.id} />
                        {editing ? (
                          <>
                            <div className="field">
                              <label htmlFor={`rename-${passkey.id}`}>
                                {t("passkeys.newName")}
                                <span className="sr-only">
                                  {" "}
                                  {t("passkeys.forPasskey", { name: passkey.name })}
                                </span>
                              </label>
                              <input
                                id={`rename-${passkey.id}`}
                                name="name"
                                defaultValue={passkey.name}
                                required
                                maxLength={MAX_PASSKEY_NAME_LENGTH}
                                autoComplete="off"
                                aria-invalid={nameError ? true : undefined}
                                aria-describedby={nameError ? `rename-${passkey.id}-error` : undefined}
                              />
                              {nameError && (
                                <p id={`rename-${passkey.id}-error`} className="field-error">
                                  {nameError}
                                </p>
                              )}
                            </div>
                            <button type="submit" name="intent" value="rename" disabled={pending}>
                              {t("passkeys.saveName")}
                            </button>
                            <button type="button" onClick={() => setRenaming(null)}>
                              {t("cancel")}
                            </button>
                          </>
                        ) : (
                          <button
                            type="button"
                            onClick={() => setRenaming({ id: passkey.id, from: passkey.name })}
                          >
                            {t("passkeys.rename")}
                            <span className="sr-only">
                              {" "}
                              {t("passkeys.thePasskey", { name: passkey.name })}
                            </span>
                          </button>
                        )}
                        {/* Not held up by an open Rename field, even an emptied one. */}
                        <button type="submit" name="intent" value="remove" formNoValidate disabled={pending}>
                          {t("passkeys.remove")}
                          <span className="sr-only"> {t("passkeys.thePasskey", { name: passkey.name })}</span>
                        </button>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
