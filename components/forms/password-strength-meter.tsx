"use client";

import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { useMessageText } from "@/components/i18n/use-message-text";
import { passwordStrength } from "@/lib/validations/password-strength";

type Props = {
  /** The password field it follows. */
  name: string;
  minLength: number;
  /** Other fields whose values the password should not contain (email, name). */
  contextFields?: string[];
  /** Values known in advance (a signed-in user's email and name). */
  context?: string[];
};

/**
 * Says in words how strong the password being typed is, politely announced to screen
 * readers; the bar repeats it for sighted users and is hidden from assistive technology.
 */
export function PasswordStrengthMeter({ name, minLength, contextFields = [], context = [] }: Props) {
  const t = useTranslations("forms");
  const message = useMessageText();
  const [password, ...others] = useWatch({ name: [name, ...contextFields] }) as unknown[];
  const text = typeof password === "string" ? password : "";
  const values = [...context, ...others.filter((value): value is string => typeof value === "string")];
  const { score, label } = passwordStrength(text, minLength, values);
  return (
    <div className="password-strength" data-score={score}>
      {label && <meter aria-hidden="true" min={0} max={4} low={2} high={3} optimum={4} value={score} />}
      <p aria-live="polite" className="field-hint">
        {label && t("passwordStrength", { level: message(label) })}
      </p>
    </div>
  );
}
