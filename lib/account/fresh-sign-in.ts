// Shared by the server (lib/account/current-password.ts) and the settings forms: for an account
// without a password, a sign-in this recent is the proof a sensitive change asks for instead.
export const FRESH_SIGN_IN_MINUTES = 5;

export const NO_PASSWORD_HINT =
  `Your account has no password, so instead of it this needs a sign-in from the last ` +
  `${FRESH_SIGN_IN_MINUTES} minutes, with a connected account or a passkey.`;

export const SIGN_IN_AGAIN_MESSAGE =
  `Your account has no password, so this needs a sign-in from the last ${FRESH_SIGN_IN_MINUTES} ` +
  "minutes: sign in again with a connected account (Settings → Connected accounts) or with your " +
  "passkey, then make the change.";
