import { signInFailureMessage } from "@/lib/auth/messages";
import { failureFromCode } from "@/lib/auth/sign-in-errors";
import { message } from "@/lib/i18n/message";

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
      return message("providerSignIn.emailTaken", { provider });
    case "no-verified-email":
      return message("providerSignIn.noVerifiedEmail", { provider });
    case "expired":
      return signInFailureMessage({ reason: "expired" });
    case "busy":
      return message("providerSignIn.busy", { provider });
    case "unavailable":
      return message("providerSignIn.unavailable", { provider });
    default: {
      const failure = failureFromCode(code);
      return failure.reason === "throttled"
        ? signInFailureMessage(failure)
        : message("providerSignIn.unavailable", { provider });
    }
  }
}
