"use client";

import { useTranslations } from "next-intl";
import { FormProvider } from "react-hook-form";
import { AuthenticationCodeField } from "@/components/forms/authentication-code-field";
import { FormMessages } from "@/components/forms/form-messages";
import { PasswordField } from "@/components/forms/password-field";
import { useServerForm } from "@/components/forms/use-server-form";
import { useMemo } from "react";
import { manageTwoFactorSchemaFor } from "@/lib/validations/two-factor";
import { manageTwoFactorAction } from "../actions/two-factor";
import { FreshSignInHint } from "../fresh-sign-in-hint";
import { RecoveryCodes } from "./recovery-codes";

/** While two-factor sign-in is on: new recovery codes, or switching it off; each needs both proofs. */
export function ManageTwoFactorForm({
  enabled,
  recoveryCodesLeft,
  askPassword,
}: {
  enabled: boolean;
  recoveryCodesLeft: number;
  askPassword: boolean;
}) {
  const t = useTranslations("settings");
  const schema = useMemo(() => manageTwoFactorSchemaFor(askPassword), [askPassword]);
  const { form, state, pending, formProps } = useServerForm(
    schema,
    manageTwoFactorAction,
    { currentPassword: "", code: "" },
    { resetOnSuccess: true },
  );
  if (!enabled) return state.status === "success" ? <FormMessages state={state} /> : null;
  return (
    <FormProvider {...form}>
      <form {...formProps} className="stack">
        <FormMessages state={state} />
        {state.shownOnce && <RecoveryCodes codes={state.shownOnce} />}
        <p>
          {t.rich("twoFactor.on", {
            count: recoveryCodesLeft,
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
        {askPassword ? (
          <PasswordField
            name="currentPassword"
            label={t("currentPassword")}
            autoComplete="current-password"
          />
        ) : (
          <FreshSignInHint />
        )}
        <AuthenticationCodeField />
        <div className="actions">
          <button type="submit" name="intent" value="regenerate" disabled={pending}>
            {t("twoFactor.regenerate")}
          </button>
          <button type="submit" name="intent" value="disable" className="danger" disabled={pending}>
            {t("twoFactor.disable")}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
