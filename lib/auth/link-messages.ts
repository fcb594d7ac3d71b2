// What the emailed-link pages say; shared by their pages and server actions.
import { durationInWords } from "@/lib/duration";

/** The same words whether or not the address has an account; `validFor` in seconds. */
export const resetLinkSent = (validFor: number) =>
  "If an account uses that address, we have emailed it a link to reset the password. " +
  `The link works for ${durationInWords(validFor)}.`;

export const INVALID_RESET_LINK =
  "This reset link is invalid, has expired or has already been used. Please ask for a new one.";

export const INVALID_EMAIL_LINK = "This link is invalid, has expired or has already been used.";

export const EMAIL_TAKEN_ON_CHANGE =
  "That email address now belongs to another account, so your email address was not changed.";
