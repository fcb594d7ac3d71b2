"use client";

import { useActionState, useState } from "react";
import { FormMessages } from "@/components/forms/form-messages";
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
  const [state, formAction, pending] = useActionState<FormState, FormData>(passkeyRowAction, idleState);
  // Open for one passkey while it still has the name it had: a saved new name closes it.
  const [renaming, setRenaming] = useState<{ id: string; from: string } | null>(null);
  const nameError = state.fieldErrors?.name?.join(" ");
  return (
    <>
      <FormMessages state={state} />
      {passkeys.length === 0 ? (
        <p>You have no passkeys yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="sessions">
            <caption className="sr-only">Your passkeys</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Added</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {passkeys.map((passkey) => {
                const editing = renaming?.id === passkey.id && renaming.from === passkey.name;
                return (
                  <tr key={passkey.id}>
                    <th scope="row">{passkey.name}</th>
                    <td>
                      <LocalTime iso={passkey.createdAt} />
                    </td>
                    <td>{passkey.lastUsedAt ? <LocalTime iso={passkey.lastUsedAt} /> : "Never"}</td>
                    <td>
                      <form action={formAction} className="actions">
                        <input type="hidden" name="passkeyId" value={passkey.id} />
                        {editing ? (
                          <>
                            <div className="field">
                              <label htmlFor={`rename-${passkey.id}`}>
                                New name<span className="sr-only"> for the passkey {passkey.name}</span>
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
                              Save name
                            </button>
                            <button type="button" onClick={() => setRenaming(null)}>
                              Cancel
                            </button>
                          </>
                        ) : (
                          <button
                            type="button"
                            onClick={() => setRenaming({ id: passkey.id, from: passkey.name })}
                          >
                            Rename<span className="sr-only"> the passkey {passkey.name}</span>
                          </button>
                        )}
                        {/* Not held up by an open Rename field, even an emptied one. */}
                        <button type="submit" name="intent" value="remove" formNoValidate disabled={pending}>
                          Remove<span className="sr-only"> the passkey {passkey.name}</span>
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
