"use client";

import { useId, useState } from "react";
import { get, useFormContext, type FieldError } from "react-hook-form";

type Props = {
  name: string;
  label: string;
  autoComplete: "current-password" | "new-password";
  hint?: string;
};

/** A password input that allows paste and password managers, with a show/hide toggle. */
export function PasswordField({ name, label, autoComplete, hint }: Props) {
  const id = useId();
  const [visible, setVisible] = useState(false);
  const { register, formState } = useFormContext();
  const error = (get(formState.errors, name) as FieldError | undefined)?.message;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <div className="password-input">
        <input
          id={id}
          type={visible ? "text" : "password"}
          autoComplete={autoComplete}
          autoCapitalize="none"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          {...register(name)}
        />
        {/* Named by its text, not aria-label, so it never matches a label locator. */}
        <button type="button" aria-controls={id} aria-pressed={visible} onClick={() => setVisible(!visible)}>
          {visible ? "Hide" : "Show"}
          <span className="sr-only"> {label.toLowerCase()}</span>
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
