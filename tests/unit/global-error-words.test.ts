import { describe, expect, it } from "vitest";
import { GLOBAL_ERROR_WORDS } from "@/app/global-error-words";
import { LOCALES } from "@/i18n/locales";
import { catalogue } from "@/lib/i18n/catalogue";

describe("the root error page's own words", () => {
  it.each(LOCALES)("are the catalogue's in %s", async (locale) => {
    const { errorPages, unavailable } = await catalogue(locale);
    const { title, heading, body, reference, retry, home } = errorPages.error;
    const { title: _title, ...unavailableWords } = unavailable;
    expect(GLOBAL_ERROR_WORDS[locale]).toEqual({
      title,
      heading,
      body,
      reference,
      retry,
      home,
      unavailable: unavailableWords,
    });
  });
});
