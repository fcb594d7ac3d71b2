"use server";

import { getCurrentUser } from "@/lib/dal";
import { formAction } from "@/lib/form-action";
import { rememberLanguage, saveAccountLanguage } from "@/lib/i18n/account-language";
import { languageSchema } from "@/lib/validations/language";

/** The footer's Language select: this browser's choice, and the account's once signed in. */
export const chooseLanguage = formAction({
  schema: languageSchema,
  async run({ locale }) {
    await rememberLanguage(locale);
    const user = await getCurrentUser();
    if (user) await saveAccountLanguage(user.id, locale);
    return { status: "success" };
  },
});
