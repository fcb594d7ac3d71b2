import { createTranslator } from "next-intl";
import { catalogue } from "@/lib/i18n/catalogue";
import { isLiteral, readMessage } from "@/lib/i18n/message";

/**
 * A schema's message (lib/i18n/message.ts) in English words, for the operator's terminal:
 * `npm run create-admin` speaks English, like the server's logs, whatever the browser's language.
 */
export async function inEnglish(text: string): Promise<string> {
  if (isLiteral(text)) return text;
  const t = createTranslator({ locale: "en", messages: await catalogue("en") });
  const { key, values } = readMessage(text);
  return t(key, values);
}
