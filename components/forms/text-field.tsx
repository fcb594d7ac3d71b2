"use client";

import type { InputHTMLAttributes } from "react";
import { Field } from "@/components/forms/field";

type Props = {
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "email";
} & Pick<InputHTMLAttributes<HTMLInputElement>, "autoComplete" | "inputMode" | "autoCapitalize">;

export function TextField({ name, label, hint, type = "text", ...input }: Props) {
  return (
    <Field name={name} label={label} hint={hint}>
      {(field) => <input type={type} spellCheck={false} {...input} {...field} />}
    </Field>
  );
}
