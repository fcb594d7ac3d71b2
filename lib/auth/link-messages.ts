// What the emailed-link pages say; shared by their pages and server actions.
import { durationValues } from "@/lib/duration";
import { message } from "@/lib/i18n/message";

/** The same words whether or not the address has an account; `validFor` in seconds. */
export const resetLinkSent = (validFor: number) =>
  message("emailLinks.resetLinkSent", durationValues(validFor));

export const INVALID_RESET_LINK = message("emailLinks.invalidResetLink");

export const INVALID_EMAIL_LINK = message("emailLinks.invalidEmailLink");

export const EMAIL_TAKEN_ON_CHANGE = message("emailLinks.emailTakenOnChange");
