"use client";

import { useId, type ReactNode } from "react";
import { get, useFormContext, type FieldError, type UseFormRegisterReturn } from "react-hook-form";
import { useMessageText } from "@/components/i18n/use-message-text";

export type FieldInputProps = UseFormRegisterReturn & {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

/**
 * A labelled form field: a real <label>, an optional hint, and the field's error tied to
 * its input by aria-invalid and aria-describedby. `children` renders the input itself.
 */
export function Field({
  name,
  label,
  hint,
  below,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  /** Shown between the input and its error (a strength meter), so neither covers the other. */
  below?: ReactNode;
  children: (input: FieldInputProps) => ReactNode;
}) {
  const id = useId();
  const { register, formState } = useFormContext();
  const text = useMessageText();
  const reported = (get(formState.errors, name) as FieldError | undefined)?.message;
  const error = reported && text(reported);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy || undefined,
        ...register(name),
      })}
      {below}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
