// A stand-in for next-intl/server outside a request, for tests that call server components
// and pages directly: `vi.mock("next-intl/server", () => import("@/tests/helpers/next-intl-server"))`.
// The language is the request's, as i18n/request.ts decides it (next/headers mocked alongside).
import { createFormatter, createTranslator } from "next-intl";
import { isLocale } from "@/i18n/locales";
import { catalogue, missingMessage } from "@/lib/i18n/catalogue";
import { requestLocale } from "@/lib/i18n/request-locale";

export const getLocale = () => requestLocale();

type Options = string | { locale?: string; namespace?: string } | undefined;

export async function getTranslations(options?: Options) {
  const { locale: asked, namespace } = typeof options === "string" ? { namespace: options } : (options ?? {});
  const locale = isLocale(asked) ? asked : await getLocale();
  return createTranslator({
    locale,
    messages: await catalogue(locale),
    namespace: namespace as never,
    getMessageFallback: missingMessage,
  });
}

export async function getFormatter() {
  return createFormatter({ locale: await getLocale(), timeZone: "UTC" });
}

export async function getMessages() {
  return catalogue(await getLocale());
}
