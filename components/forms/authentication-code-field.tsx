"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { TextField } from "@/components/forms/text-field";

/**
 * The one `Authentication code` field: an app's 6-digit code (a numeric keyboard, filled from
 * SMS-style one-time-code autofill) or a recovery code, which has letters: a toggle switches
 * the keyboard for those. Pasting works either way.
 */
export function AuthenticationCodeField({
  name = "code",
  recoveryCodes = true,
}: {
  name?: string;
  recoveryCodes?: boolean;
}) {
  const t = useTranslations("forms.authenticationCode");
  const [recovery, setRecovery] = useState(false);
  const hint = !recoveryCodes ? t("hintApp") : recovery ? t("hintRecovery") : t("hintEither");
  return (
    <div className="stack">
      <TextField
        name={name}
        label={t("label")}
        hint={hint}
        autoComplete="one-time-code"
        inputMode={recovery ? "text" : "numeric"}
        autoCapitalize="off"
      />
      {recoveryCodes && (
        <button
          type="button"
          className="link-button"
          aria-pressed={recovery}
          onClick={() => setRecovery(!recovery)}
        >
          {t("useRecoveryCode")}
        </button>
      )}
    </div>
  );
}
