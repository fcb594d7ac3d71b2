// Messages (lib/i18n/message.ts) in English words, for tests that read what a person is shown.
import { createTranslator } from "next-intl";
import { isLiteral, readMessage } from "@/lib/i18n/message";
import en from "@/messages/en.json";

const t = createTranslator({ locale: "en", messages: en });

export function inEnglish(text: string): string {
  if (isLiteral(text)) return text;
  const { key, values } = readMessage(text);
  return t(key, values);
}
