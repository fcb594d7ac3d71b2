import { RECENT_SIGN_IN_SECONDS } from "@/lib/passkeys/proof";

const MINUTES = RECENT_SIGN_IN_SECONDS / 60;

/** Why a passwordless account is asked to sign in again, and how: the proof it gives instead. */
export const SIGN_IN_AGAIN_HINT =
  `Your account has no password, so this needs a sign-in from the last ${MINUTES} minutes instead: ` +
  "sign in again with a provider you have connected, or sign out and sign in with your passkey, " +
  `then come back within ${MINUTES} minutes.`;

/** What the provider's callback came back with (`?connect=…&provider=…`), by code only. */
export function connectResultMessage(
  code: unknown,
  provider: string,
): { status: "success" | "error"; message: string } | null {
  switch (code) {
    case "connected":
      return { status: "success", message: `${provider} is connected: you can sign in with it now.` };
    case "disconnected":
      return {
        status: "success",
        message: `${provider} is disconnected, and every other session has been signed out.`,
      };
    case "already-connected":
      return { status: "success", message: `That ${provider} account was already connected to yours.` };
    case "belongs-to-another":
      return {
        status: "error",
        message: `That ${provider} account is connected to another Latchkey account, so it cannot be connected to this one.`,
      };
    case "provider-taken":
      return {
        status: "error",
        message: `Another ${provider} account is already connected to yours. Disconnect it first.`,
      };
    case "expired":
      return {
        status: "error",
        message: `Connecting ${provider} took too long or your session ended. Please try again.`,
      };
    default:
      return null;
  }
}
