"use client";

import { FormProvider } from "react-hook-form";
import { AuthenticationCodeField } from "@/components/forms/authentication-code-field";
import { FormMessages } from "@/components/forms/form-messages";
import { PasswordField } from "@/components/forms/password-field";
import { useServerForm } from "@/components/forms/use-server-form";
import { useMemo } from "react";
import { FreshSignInHint } from "@/components/forms/fresh-sign-in-hint";
import { manageTwoFactorSchemaFor } from "@/lib/validations/two-factor";
import { manageTwoFactorAction } from "../actions/two-factor";
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
          Two-factor authentication is <strong>on</strong>. You have {recoveryCodesLeft} recovery code
          {recoveryCodesLeft === 1 ? "" : "s"} left.
        </p>
        {askPassword ? (
          <PasswordField name="currentPassword" label="Current password" autoComplete="current-password" />
        ) : (
          <FreshSignInHint />
        )}
        <AuthenticationCodeField />
        <div className="actions">
          <button type="submit" name="intent" value="regenerate" disabled={pending}>
            Regenerate recovery codes
          </button>
          <button type="submit" name="intent" value="disable" className="danger" disabled={pending}>
            Disable two-factor authentication
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
