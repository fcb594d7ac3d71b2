import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { FocusOnArrival } from "@/components/focus-on-arrival";
import { SiteFooter } from "@/components/site-footer";
import { directionOf } from "@/i18n/locales";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return {
    title: { default: t("name"), template: t("titleTemplate") },
    description: t("description"),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so each gets this request's CSP nonce on its
  // scripts (middleware.ts); a page prerendered at build time would carry none.
  await connection();
  const [locale, t] = await Promise.all([getLocale(), getTranslations("site")]);
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <body>
        <NextIntlClientProvider>
          <a className="skip-link" href="#main">
            {t("skipToContent")}
          </a>
          {children}
          <SiteFooter />
          <FocusOnArrival />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
