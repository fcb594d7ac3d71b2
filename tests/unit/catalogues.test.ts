import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, LOCALES } from "@/i18n/locales";

type Catalogue = { [key: string]: string | Catalogue };
const folder = path.join(process.cwd(), "messages");
const load = (locale: string) =>
  JSON.parse(readFileSync(path.join(folder, `${locale}.json`), "utf8")) as Catalogue;

function leaves(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") found.set(at, value);
    else for (const [k, v] of leaves(value, at)) found.set(k, v);
  }
  return found;
}

/** Every argument name and, for each plural, its argument and the categories it covers. */
function shape(
  elements: MessageFormatElement[],
  into = { args: new Set<string>(), plurals: new Map<string, Set<string>>() },
) {
  for (const element of elements) {
    if (
      element.type === TYPE.argument ||
      element.type === TYPE.number ||
      element.type === TYPE.date ||
      element.type === TYPE.time
    )
      into.args.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.args.add(element.value);
      if (element.type === TYPE.plural)
        into.plurals.set(element.value, new Set(Object.keys(element.options)));
      for (const option of Object.values(element.options)) shape(option.value, into);
    }
    if (element.type === TYPE.tag) {
      into.args.add(`<${element.value}>`);
      shape(element.children, into);
    }
  }
  return into;
}

const source = leaves(load(DEFAULT_LOCALE));

describe("the message catalogues", () => {
  it("are one per language in i18n/locales.ts, and nothing else", () => {
    const files = readdirSync(folder)
      .filter((name) => name.endsWith(".json"))
      .sort();
    expect(files).toEqual(LOCALES.map((locale) => `${locale}.json`).sort());
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      const messages = leaves(load(locale));

      it("has exactly the keys of the English catalogue", () => {
        expect([...messages.keys()].filter((key) => !source.has(key))).toEqual([]);
        expect([...source.keys()].filter((key) => !messages.has(key))).toEqual([]);
      });

      it("has no empty message", () => {
        expect([...messages].filter(([, text]) => !text.trim()).map(([key]) => key)).toEqual([]);
      });

      it("takes the same arguments as English, and every plural form the language has", () => {
        const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
        for (const [key, text] of messages) {
          const english = source.get(key);
          if (english === undefined) continue;
          const theirs = shape(parse(text));
          const ours = shape(parse(english));
          expect([...theirs.args].sort(), key).toEqual([...ours.args].sort());
          for (const [argument, forms] of theirs.plurals) {
            const missing = categories.filter((category) => !forms.has(category));
            expect(missing, `${key}: {${argument}, plural} lacks`).toEqual([]);
          }
        }
      });
    });
  }
});
