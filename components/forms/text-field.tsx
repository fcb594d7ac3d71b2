"use client";

import { useId, type InputHTMLAttributes } from "react";
import { get, useFormContext, type FieldError } from "react-hook-form";

type Props = {
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "email";
} & Pick<InputHTMLAttributes<HTMLInputElement>, "autoComplete" | "inputMode" | "autoCapitalize">;

export function TextField({ name, label, hint, type = "text", ...input }: Props) {
  const id = useId();
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
      <input
        id={id}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        spellCheck={false}
        {...input}
        {...register(name)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
