import { message } from "@/lib/i18n/message";
import { RECENT_SIGN_IN_SECONDS } from "@/lib/passkeys/proof";

/** Why a passwordless account is asked to sign in again, and how: the proof it gives instead. */
export const SIGN_IN_AGAIN_HINT = message("settings.connectedAccounts.signInAgainHint", {
  minutes: RECENT_SIGN_IN_SECONDS / 60,
});

const RESULTS = {
  connected: ["success", "settings.connectedAccounts.resultConnected"],
  disconnected: ["success", "settings.connectedAccounts.resultDisconnected"],
  "already-connected": ["success", "settings.connectedAccounts.resultAlreadyConnected"],
  "belongs-to-another": ["error", "settings.connectedAccounts.resultBelongsToAnother"],
  "provider-taken": ["error", "settings.connectedAccounts.resultProviderTaken"],
  expired: ["error", "settings.connectedAccounts.resultExpired"],
} as const;

/** What the provider's callback came back with (`?connect=…&provider=…`), by code only. */
export function connectResultMessage(
  code: unknown,
  provider: string,
): { status: "success" | "error"; message: string } | null {
  if (typeof code !== "string" || !Object.hasOwn(RESULTS, code)) return null;
  const [status, key] = RESULTS[code as keyof typeof RESULTS];
  return { status, message: message(key, { provider }) };
}
