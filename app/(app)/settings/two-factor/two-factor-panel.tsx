"use client";

import { useTranslations } from "next-intl";
import { startTwoFactorSetupAction } from "../actions/two-factor";
import { EnableTwoFactorForm, type ShownSetup } from "./enable-two-factor-form";
import { ManageTwoFactorForm } from "./manage-two-factor-form";

/**
 * Both forms stay mounted whatever the state, so the recovery codes in a form's answer are
 * still on screen after the section below them changes (on becomes off, off becomes on).
 */
export function TwoFactorPanel({
  enabled,
  recoveryCodesLeft,
  setup,
  askPassword,
}: {
  enabled: boolean;
  recoveryCodesLeft: number;
  setup: ShownSetup | null;
  askPassword: boolean;
}) {
  const t = useTranslations("settings.twoFactor");
  return (
    <>
      {!enabled && (
        // While a set-up waits, the same button starts again with a new key.
        <form action={startTwoFactorSetupAction}>
          <button type="submit" className={setup ? undefined : "primary"}>
            {t("setUp")}
          </button>
        </form>
      )}
      <EnableTwoFactorForm setup={enabled ? null : setup} askPassword={askPassword} />
      <ManageTwoFactorForm
        enabled={enabled}
        recoveryCodesLeft={recoveryCodesLeft}
        askPassword={askPassword}
      />
    </>
  );
}
