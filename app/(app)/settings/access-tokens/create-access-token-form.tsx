"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormProvider } from "react-hook-form";
import { FormMessages } from "@/components/forms/form-messages";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useServerForm } from "@/components/forms/use-server-form";
import { createAccessTokenSchema, TOKEN_LIFETIMES } from "@/lib/validations/access-tokens";
import { createAccessTokenAction } from "../actions/access-tokens";

export function CreateAccessTokenForm() {
  const t = useTranslations("settings");
  const lifetimes = TOKEN_LIFETIMES.map((value) => [
    value,
    value === "never"
      ? t("accessTokens.noExpiry")
      : value === "365"
        ? t("accessTokens.oneYear")
        : t("accessTokens.days", { count: Number(value) }),
  ]);
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
              <dt id="new-token-label">{t("accessTokens.newToken")}</dt>
              <dd aria-labelledby="new-token-label">
                <code className="new-token" dir="ltr">
                  {token}
                </code>
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
                {t("accessTokens.copy")}
              </button>
            </div>
            <p className="muted" role="status">
              {copied === true ? t("copied") : copied === false ? t("accessTokens.copyFailed") : ""}
            </p>
          </div>
        )}
        <TextField name="name" label={t("accessTokens.tokenName")} autoCapitalize="off" />
        <div className="field">
          <label htmlFor="token-expires">{t("accessTokens.expires")}</label>
          <select id="token-expires" {...form.register("expires")}>
            {lifetimes.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton label={t("accessTokens.submit")} pending={pending} />
      </form>
    </FormProvider>
  );
}
