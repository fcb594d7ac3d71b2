// The messages of the sign-in screens, put into words as a page would: English as it always
// read, and Arabic with the plural form its count takes.
import { translations } from "@zxcvbn-ts/language-en";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { signInFailureMessage, waitValues } from "@/lib/auth/messages";
import { durationInWords, durationValues } from "@/lib/duration";
import { isLiteral, readMessage } from "@/lib/i18n/message";
import { noticeText } from "@/lib/notices";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";

const inWords = (locale: "en" | "ar") => {
  const t = createTranslator({ locale, messages: locale === "en" ? en : ar });
  return (text: string) => {
    const { key, values } = readMessage(text);
    return t(key, values);
  };
};
const english = inWords("en");
const arabic = inWords("ar");

describe("throttle waits", () => {
  it("count seconds under 90, then whole minutes rounded up", () => {
    expect([1, 30, 89, 90, 900].map(waitValues)).toEqual([
      { unit: "second", count: 1 },
      { unit: "second", count: 30 },
      { unit: "second", count: 89 },
      { unit: "minute", count: 2 },
      { unit: "minute", count: 15 },
    ]);
  });

  it("read as before in English", () => {
    const throttled = (retryAfter: number) =>
      english(signInFailureMessage({ reason: "throttled", retryAfter }));
    expect(throttled(1)).toBe("Too many sign-in attempts. Please wait 1 second and try again.");
    expect(throttled(30)).toBe("Too many sign-in attempts. Please wait 30 seconds and try again.");
    expect(english(signInFailureMessage({ reason: "busy", retryAfter: 900 }))).toBe(
      "We are very busy right now. Please try again in 15 minutes.",
    );
  });

  it("take the Arabic plural form of their count", () => {
    const wait = (seconds: number) =>
      arabic(signInFailureMessage({ reason: "throttled", retryAfter: seconds }));
    expect(wait(1)).toContain("ثانية واحدة");
    expect(wait(2)).toContain("ثانيتين");
    expect(wait(5)).toContain("ثوانٍ");
    expect(wait(11)).toContain("ثانية");
    expect(wait(600)).toContain("دقائق");
  });
});

describe("lifetimes", () => {
  it("are one unit that divides them exactly", () => {
    expect([86_400, 3_600, 1_800, 172_800, 5_400, 90].map(durationValues)).toEqual([
      { unit: "hour", count: 24 },
      { unit: "hour", count: 1 },
      { unit: "minute", count: 30 },
      { unit: "day", count: 2 },
      { unit: "minute", count: 90 },
      { unit: "second", count: 90 },
    ]);
    expect(durationInWords(3_600)).toBe("1 hour");
  });
});

describe("zxcvbn's reasons", () => {
  const warnings = [...Object.keys(translations.warnings).filter((key) => key !== "userInputs"), "other"];
  const suggestions = [...Object.keys(translations.suggestions), "chooseAnother", "other"];

  it("are one plain sentence or two in English, in zxcvbn's own words", () => {
    for (const warning of warnings)
      for (const suggestion of suggestions) {
        const text = english(`validation.passwordGuessable\u001f${JSON.stringify({ warning, suggestion })}`);
        expect(text, `${warning} + ${suggestion}`).toMatch(/^\S.*\S\.$/);
        expect(text).not.toMatch(/\s{2}/);
      }
    const text = english(
      `validation.passwordGuessable\u001f${JSON.stringify({ warning: "extendedRepeat", suggestion: "anotherWord" })}`,
    );
    expect(text).toBe(
      "Repeated character patterns like “abcabcabc” are easy to guess. Add more words that are less common.",
    );
  });

  it("have an Arabic sentence of their own for every warning", () => {
    const reason = (warning: string) =>
      arabic(`validation.passwordGuessable\u001f${JSON.stringify({ warning, suggestion: "other" })}`);
    const texts = warnings.map(reason);
    for (const text of texts) expect(text).toMatch(/^[^a-z]*[\u0600-\u06ff]/i);
    expect(new Set(texts).size).toBe(warnings.length);
  });
});

describe("notices", () => {
  it("are catalogue keys, never words from the URL", () => {
    expect(noticeText("password-reset")).toBe("notices.passwordReset");
    expect(noticeText("<script>")).toBeNull();
    expect(isLiteral(noticeText("registered") ?? " ")).toBe(false);
    expect(english(noticeText("registered") ?? "")).toBe("Welcome to Latchkey! Your account is ready.");
  });
});
