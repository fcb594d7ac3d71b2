"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Field } from "@/components/forms/field";

type Props = {
  name: string;
  label: string;
  autoComplete: "current-password" | "new-password";
  hint?: string;
  /** Under the input, above its error: the strength meter of a new password. */
  below?: ReactNode;
};

/** A password input that allows paste and password managers, with a show/hide toggle. */
export function PasswordField({ name, label, autoComplete, hint, below }: Props) {
  const t = useTranslations("forms");
  const [visible, setVisible] = useState(false);
  return (
    <Field name={name} label={label} hint={hint} below={below}>
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
            {visible ? t("hide") : t("show")}
            <span className="sr-only"> {label.toLowerCase()}</span>
          </button>
        </div>
      )}
    </Field>
  );
}
