import type { Locale } from "@/i18n/locales";
import type en from "@/messages/en.json";

export type Messages = typeof en;

/** One locale's catalogue (messages/<locale>.json), loaded once per process. */
export async function catalogue(locale: Locale): Promise<Messages> {
  return (await import(`../../messages/${locale}.json`)).default as Messages;
}

/**
 * What shows where a message is missing: its key between markers, which the end-to-end
 * suite looks for on every page (a test fails on a raw key), never an empty string.
 */
export function missingMessage({ namespace, key }: { namespace?: string; key: string }) {
  return `⟦${namespace ? `${namespace}.` : ""}${key}⟧`;
}
