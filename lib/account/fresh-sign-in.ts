import { message } from "@/lib/i18n/message";

// Shared by the server (lib/account/current-password.ts) and the settings forms: for an account
// without a password, a sign-in this recent is the proof a sensitive change asks for instead.
export const FRESH_SIGN_IN_MINUTES = 5;

export const NO_PASSWORD_HINT = message("settings.freshSignIn.hint", { minutes: FRESH_SIGN_IN_MINUTES });

export const SIGN_IN_AGAIN_MESSAGE = message("settings.freshSignIn.signInAgain", {
  minutes: FRESH_SIGN_IN_MINUTES,
});
