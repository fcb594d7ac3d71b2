"use client";

import { useState } from "react";
import { FormProvider } from "react-hook-form";
import { FormMessages } from "@/components/forms/form-messages";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useServerForm } from "@/components/forms/use-server-form";
import { createAccessTokenSchema } from "@/lib/validations/access-tokens";
import { createAccessTokenAction } from "../actions/access-tokens";

const LIFETIMES = [
  ["7", "7 days"],
  ["30", "30 days"],
  ["90", "90 days"],
  ["365", "1 year"],
  ["never", "No expiry"],
] as const;

export function CreateAccessTokenForm() {
  const { form, state, pending, formProps } = useServerForm(
    createAccessTokenSchema,
    createAccessTokenAction,
    { name: "", expires: "30" },
    { resetOnSuccess: true },
  );
  const [copied, setCopied] = useState<boolean | null>(null);
  const token = state.shownOnce?.[0];
  return (
    <FormProvider {...form}>
      <form {...formProps} className="stack">
        <FormMessages state={state} />
        {token && (
          <div className="stack confirm-box">
            <dl className="details">
              <dt id="new-token-label">New token</dt>
              <dd aria-labelledby="new-token-label">
                <code className="new-token">{token}</code>
              </dd>
            </dl>
            <div className="actions">
              <button
                type="button"
                onClick={() =>
                  navigator.clipboard.writeText(token).then(
                    () => setCopied(true),
                    () => setCopied(false),
                  )
                }
              >
                Copy token
              </button>
            </div>
            <p className="muted" role="status">
              {copied === true
                ? "Copied to the clipboard."
                : copied === false
                  ? "Could not copy: select the token instead."
                  : ""}
            </p>
          </div>
        )}
        <TextField name="name" label="Token name" autoCapitalize="off" />
        <div className="field">
          <label htmlFor="token-expires">Expires</label>
          <select id="token-expires" {...form.register("expires")}>
            {LIFETIMES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton label="Create token" pending={pending} />
      </form>
    </FormProvider>
  );
}
