"use client";

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
  const [recovery, setRecovery] = useState(false);
  const hint = !recoveryCodes
    ? "The 6-digit code your authenticator app shows."
    : recovery
      ? "One of your recovery codes, like abcd-efgh-jkmn-pqrs."
      : "The 6-digit code from your authenticator app, or one of your recovery codes.";
  return (
    <div className="stack">
      <TextField
        name={name}
        label="Authentication code"
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
          Use a recovery code
        </button>
      )}
    </div>
  );
}
