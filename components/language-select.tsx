"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { chooseLanguage } from "@/app/language-actions";
import { LANGUAGES, LOCALES } from "@/i18n/locales";

/**
 * The footer's Language select. Choosing a language submits it at once; without JavaScript
 * the form has its own button. Each language is named in itself, so it can be found by
 * someone who cannot read the page's current one.
 */
export function LanguageSelect() {
  const t = useTranslations("footer");
  const locale = useLocale();
  const id = useId();
  const [, action, pending] = useActionState(chooseLanguage, { status: "idle" });
  return (
    <form action={action} className="language-select">
      <label htmlFor={id}>{t("language")}</label>
      <select
        id={id}
        name="locale"
        defaultValue={locale}
        disabled={pending}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGES[code].name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit">{t("changeLanguage")}</button>
      </noscript>
    </form>
  );
}
