"use client";

import { useTranslations } from "next-intl";
import { FormProvider } from "react-hook-form";
import { AuthenticationCodeField } from "@/components/forms/authentication-code-field";
import { FormMessages } from "@/components/forms/form-messages";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useServerForm } from "@/components/forms/use-server-form";
import { useMemo } from "react";
import { enableTwoFactorSchemaFor } from "@/lib/validations/two-factor";
import { enableTwoFactorAction } from "../actions/two-factor";
import { FreshSignInHint } from "../fresh-sign-in-hint";
import { RecoveryCodes } from "./recovery-codes";

export type ShownSetup = { qrCode: string; setupKey: string };

/** The app being set up (QR code and setup key), its first code and the password switch it on. */
export function EnableTwoFactorForm({
  setup,
  askPassword,
}: {
  setup: ShownSetup | null;
  askPassword: boolean;
}) {
  const t = useTranslations("settings");
  const schema = useMemo(() => enableTwoFactorSchemaFor(askPassword), [askPassword]);
  const { form, state, pending, formProps } = useServerForm(
    schema,
    enableTwoFactorAction,
    { code: "", currentPassword: "" },
    { resetOnSuccess: true },
  );
  if (state.shownOnce) {
    return (
      <div className="stack">
        <FormMessages state={state} />
        <RecoveryCodes codes={state.shownOnce} />
      </div>
    );
  }
  if (!setup) return null;
  return (
    <FormProvider {...form}>
      <form {...formProps} className="stack">
        <ol className="stack steps">
          <li>
            <p>{t("twoFactor.scan")}</p>
            {/* A data: URI made on the server: nothing for next/image to optimise. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src={setup.qrCode} width={200} height={200} className="qr-code" alt={t("twoFactor.qrAlt")} />
            <dl className="details">
              <dt id="totp-setup-key-label">{t("twoFactor.setupKey")}</dt>
              <dd aria-labelledby="totp-setup-key-label">
                <code className="setup-key" dir="ltr">
                  {setup.setupKey}
                </code>
              </dd>
            </dl>
          </li>
          <li>
            <p>{t("twoFactor.enterCode")}</p>
          </li>
        </ol>
        <FormMessages state={state} />
        <AuthenticationCodeField recoveryCodes={false} />
        {askPassword ? (
          <PasswordField
            name="currentPassword"
            label={t("currentPassword")}
            autoComplete="current-password"
          />
        ) : (
          <FreshSignInHint />
        )}
        <SubmitButton label={t("twoFactor.enable")} pending={pending} />
      </form>
    </FormProvider>
  );
}
