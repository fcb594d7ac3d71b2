/**
 * The languages Latchkey speaks. A third is one catalogue file (messages/<code>.json, with
 * every key of messages/en.json) and one line here.
 */
export const LANGUAGES = {
  en: { name: "English", dir: "ltr" },
  ar: { name: "العربية", dir: "rtl" },
} as const satisfies Record<string, { name: string; dir: "ltr" | "rtl" }>;

export type Locale = keyof typeof LANGUAGES;

export const LOCALES = Object.keys(LANGUAGES) as Locale[];
export const DEFAULT_LOCALE: Locale = "en";

/** The person's own choice, set by the footer's Language select and at sign-in from the account. */
export const LOCALE_COOKIE = "latchkey-locale";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && Object.hasOwn(LANGUAGES, value);
}

export const directionOf = (locale: Locale) => LANGUAGES[locale].dir;
