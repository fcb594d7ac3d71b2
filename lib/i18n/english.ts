import { createTranslator } from "next-intl";
import { inWords } from "@/lib/i18n/message";
import en from "@/messages/en.json";

const t = createTranslator({ locale: "en", messages: en, timeZone: "UTC" });

/**
 * A message (lib/i18n/message.ts) in English, outside any request: for the places not yet
 * translated that still show English words (the admin console's event names, some emails).
 */
export function inEnglish(text: string): string {
  return inWords(t, text);
}
