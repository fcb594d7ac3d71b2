import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locales";
import { inWords } from "@/lib/i18n/message";

/** The server's useMessageText: in the request's language, or in `locale` (an account's emails). */
export async function getMessageText(locale?: Locale) {
  const t = await getTranslations(locale ? { locale } : undefined);
  return (text: string) => inWords(t, text);
}
