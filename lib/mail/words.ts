import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/locales";
import { catalogue, missingMessage } from "@/lib/i18n/catalogue";
import { inWords, type MessageKey } from "@/lib/i18n/message";

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One sentence of a mail, in both of its forms. */
export type Sentence = { text: string; html: string };
type Values = Record<string, string | number>;

// Stands for a value while its sentence is escaped; neither a catalogue nor a value holds it.
const MARK = "\u0000";

/**
 * A mail's words in `locale`, from the catalogue alone: no request scope, so a mail renders
 * the same in an action, after the response, or in a background sender.
 */
export async function mailWords(locale: Locale) {
  const t = createTranslator({
    locale,
    messages: await catalogue(locale),
    getMessageFallback: missingMessage,
    onError: (error) => console.error(`[i18n] mail: ${error.code}: ${error.message}`),
  });
  const word = (key: MessageKey, values?: Values): string => t(key, values);
  /** A message (lib/i18n/message.ts), such as a device's, in the mail's words as pages show it in theirs. */
  const text = (message: string): string => inWords(t, message);
  /** Values (addresses, names, devices) are isolated in the HTML, so they keep their direction in Arabic. */
  const say = (key: MessageKey, values: Values = {}): Sentence => {
    const held: string[] = [];
    const marked = Object.fromEntries(
      Object.entries(values).map(([name, value]) =>
        typeof value === "string" ? [name, `${MARK}${held.push(value) - 1}${MARK}`] : [name, value],
      ),
    );
    const html = escapeHtml(t(key, marked)).replace(
      new RegExp(`${MARK}(\\d+)${MARK}`, "g"),
      (_, index: string) => `<bdi>${escapeHtml(held[Number(index)] ?? "")}</bdi>`,
    );
    return { text: t(key, values), html };
  };
  return { locale, word, text, say };
}

export type MailWords = Awaited<ReturnType<typeof mailWords>>;
