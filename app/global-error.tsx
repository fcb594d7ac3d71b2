"use client";

import "./globals.css";
import { useSyncExternalStore } from "react";
import { ErrorNoticeView } from "@/components/error-notice";
import { DEFAULT_LOCALE, directionOf, isLocale, type Locale } from "@/i18n/locales";
import { preferredLocale } from "@/lib/i18n/negotiate";
import { GLOBAL_ERROR_WORDS } from "./global-error-words";

const noSubscription = () => () => {};
let decided: Locale | undefined;

/**
 * Without the server's request config: the language the page was in (the root layout's
 * <html lang>, when the error came after it rendered), else the browser's, else English. Decided
 * once, before this page's own <html> (marked data-error-page) takes the layout's place.
 */
function browserLocale(): Locale {
  const root = document.documentElement;
  const shown = root.hasAttribute("data-error-page") ? null : root.lang;
  return (decided ??= isLocale(shown)
    ? shown
    : (preferredLocale(navigator.languages.join(",")) ?? DEFAULT_LOCALE));
}
import { UnavailableNoticeView } from "@/components/unavailable-notice";
import { UNAVAILABLE_DIGEST } from "@/lib/db/availability.mjs";

/** An error in the root layout itself: this replaces it, so it brings its own <html>. */
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const locale = useSyncExternalStore(noSubscription, browserLocale, () => DEFAULT_LOCALE);
  const words = GLOBAL_ERROR_WORDS[locale];
  return (
    <html lang={locale} dir={directionOf(locale)} data-error-page="">
      <body>
        <title>{words.title}</title>
        <main id="main" className="narrow">
          {error.digest === UNAVAILABLE_DIGEST ? (
            <UnavailableNoticeView words={words.unavailable} />
          ) : (
            <ErrorNoticeView digest={error.digest} retry={reset} words={words} />
          )}
        </main>
      </body>
    </html>
  );
}
