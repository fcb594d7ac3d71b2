"use client";

import { useState } from "react";
import { Field } from "@/components/forms/field";

type Props = {
  name: string;
  label: string;
  autoComplete: "current-password" | "new-password";
  hint?: string;
};

/** A password input that allows paste and password managers, with a show/hide toggle. */
export function PasswordField({ name, label, autoComplete, hint }: Props) {
  const [visible, setVisible] = useState(false);
  return (
    <Field name={name} label={label} hint={hint}>
      {(field) => (
        <div className="password-input">
          <input
            type={visible ? "text" : "password"}
            autoComplete={autoComplete}
            autoCapitalize="none"
            spellCheck={false}
            {...field}
          />
          {/* Named by its text, not aria-label, so it never matches a label locator. */}
          <button
            type="button"
            aria-controls={field.id}
            aria-pressed={visible}
            onClick={() => setVisible(!visible)}
          >
            {visible ? "Hide" : "Show"}
            <span className="sr-only"> {label.toLowerCase()}</span>
          </button>
        </div>
      )}
    </Field>
  );
}
