import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "@/i18n/locales";

/**
 * The locale for a request: the person's choice (the cookie) when it names one we speak,
 * else the best of the browser's `Accept-Language` ranges, else English.
 */
export function negotiateLocale(choice: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(choice)) return choice;
  return preferredLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}

/** RFC 9110 language ranges by quality (ties keep the header's order), matched by primary tag. */
export function preferredLocale(acceptLanguage: string | null): Locale | null {
  if (!acceptLanguage) return null;
  const ranges = acceptLanguage
    .split(",")
    .slice(0, 32)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((range) => range.tag && range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === "*") return DEFAULT_LOCALE;
    const primary = tag.split("-")[0];
    const match = LOCALES.find((locale) => locale === primary);
    if (match) return match;
  }
  return null;
}
