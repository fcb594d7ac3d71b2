import { signInFailureMessage } from "@/lib/auth/messages";
import { failureFromCode } from "@/lib/auth/sign-in-errors";

// What /login says when a provider sign-in ends without a session, by the code the callback
// put in the URL (`?error=ProviderSignIn&code=…&provider=…`): never free text from it.

export const PROVIDER_SIGN_IN_ERROR = "ProviderSignIn";

export type ProviderRefusal = "email-taken" | "no-verified-email" | "unavailable" | "expired" | "busy";

/** The /login URL for a refused provider sign-in. */
export function providerSignInErrorUrl(
  code: ProviderRefusal | `throttled:${number}`,
  provider: string,
): string {
  return `/login?${new URLSearchParams({ error: PROVIDER_SIGN_IN_ERROR, code, provider })}`;
}

export function providerSignInMessage(code: string, provider: string): string {
  switch (code) {
    case "email-taken":
      return (
        `An account with the email address of your ${provider} account already exists, so ${provider} ` +
        `did not sign you in to it. Sign in to that account as you usually do, then connect ${provider} ` +
        `in Settings → Connected accounts. Never set a password for it? Use “Forgot password?”.`
      );
    case "no-verified-email":
      return (
        `${provider} did not give us a verified email address for you, so no account can be made from ` +
        `it. Verify your address with ${provider} (as your primary one), or create an account with a password.`
      );
    case "expired":
      return signInFailureMessage({ reason: "expired" });
    case "busy":
      return `${provider} could not be reached just now. Please try again in a moment.`;
    case "unavailable":
      return `Signing in with ${provider} did not work. Please try again, or sign in another way.`;
    default: {
      const failure = failureFromCode(code);
      return failure.reason === "throttled"
        ? signInFailureMessage(failure)
        : `Signing in with ${provider} did not work. Please try again, or sign in another way.`;
    }
  }
}
