-- The account's language (lib/i18n/account-language.ts): its emails, and the site once signed in.
ALTER TABLE "User" ADD COLUMN "locale" TEXT;
