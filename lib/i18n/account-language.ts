import "server-only";
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "@/i18n/locales";
import { db } from "@/lib/db";
import { requestLocale } from "@/lib/i18n/request-locale";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** This browser's choice of language, kept for a year. */
export async function rememberLanguage(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, {
    httpOnly: true,
    secure: process.env.NODE_ENV === "production",
    sameSite: "lax",
    path: "/",
    maxAge: YEAR_SECONDS,
  });
}

export async function saveAccountLanguage(userId: string, locale: Locale): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}

/** At sign-in: the account's saved language becomes this browser's, when it has one. */
export async function adoptAccountLanguage(userId: string, known?: string | null): Promise<void> {
  const locale =
    known === undefined
      ? (await db.user.findUnique({ where: { id: userId }, select: { locale: true } }))?.locale
      : known;
  if (isLocale(locale)) await rememberLanguage(locale);
}

/**
 * The language to write to an account in: its saved one, else the language of the request
 * that caused the mail (registration, an address not yet an account's), else English.
 */
export async function mailLanguage(saved: string | null | undefined): Promise<Locale> {
  if (isLocale(saved)) return saved;
  // Read from the request itself (as i18n/request.ts does), so it also holds where next-intl's
  // request scope does not reach; outside any request (a script), English.
  return requestLocale().catch(() => DEFAULT_LOCALE);
}
