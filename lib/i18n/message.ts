import type { MessageKeys, NestedKeyOf } from "next-intl";
import type { Messages } from "@/lib/i18n/catalogue";

/** A key of the catalogue (messages/en.json), such as "forms.correctFields". */
export type MessageKey = MessageKeys<Messages, NestedKeyOf<Messages>>;
export type MessageValues = Record<string, string | number>;

// A key never holds this character, and JSON follows it.
const VALUES = "\u001f";

/**
 * A message for the person, as its key and values rather than words: what zod schemas,
 * server actions and notices answer, put into the viewer's language where it is shown
 * (useMessageText in client components, getMessageText on the server). A string, so that
 * it travels where messages always travelled: zod issues, form states, react-hook-form errors.
 */
export function message(key: MessageKey, values?: MessageValues): string {
  return values ? `${key}${VALUES}${JSON.stringify(values)}` : key;
}

/** Words rather than a key (a key holds no space): shown as they are. */
export function isLiteral(text: string): boolean {
  const at = text.indexOf(VALUES);
  return /\s/.test(at < 0 ? text : text.slice(0, at));
}

export function readMessage(text: string): { key: MessageKey; values?: MessageValues } {
  const at = text.indexOf(VALUES);
  if (at < 0) return { key: text as MessageKey };
  return { key: text.slice(0, at) as MessageKey, values: JSON.parse(text.slice(at + 1)) as MessageValues };
}

/** A translator's call, as next-intl's `t` (useTranslations, getTranslations, createTranslator) makes it. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** A message in the words of `t`'s language; words rather than a key are shown as they are. */
export function inWords(t: Translate, text: string): string {
  if (isLiteral(text)) return text;
  const { key, values } = readMessage(text);
  return t(key, values);
}
