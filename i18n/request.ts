import { getRequestConfig } from "next-intl/server";
import { isLocale, type Locale } from "@/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { catalogue, missingMessage } from "@/lib/i18n/catalogue";

// No locale in the URL (every route in the contract stays as it is): the locale is the
// person's choice, else their browser's, else English. An explicit locale (an email in the
// account's language) wins over both.
export default getRequestConfig(async ({ locale: requested }) => {
  const locale: Locale = isLocale(requested) ? requested : await requestLocale();
  return {
    locale,
    messages: await catalogue(locale),
    timeZone: "UTC",
    onError: (error) => console.error(`[i18n] ${error.code}: ${error.message}`),
    getMessageFallback: missingMessage,
  };
});
