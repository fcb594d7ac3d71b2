import type { Locale } from "@/i18n/locales";
import type { Messages } from "@/lib/i18n/catalogue";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
