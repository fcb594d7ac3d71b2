import { message } from "@/lib/i18n/message";

/** The one answer to every failed passkey sign-in, in the browser or on the server: never which check failed. */
export const PASSKEY_SIGN_IN_REFUSED = message("login.passkeyRefused");
