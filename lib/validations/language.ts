import * as z from "zod/mini";
import { LOCALES } from "@/i18n/locales";
import { message } from "@/lib/i18n/message";

export const languageSchema = z.object({
  locale: z.enum(LOCALES, { error: message("language.unknown") }),
});
