import type { SignInFailure } from "@/lib/auth/sign-in-errors";

/** The one answer to every failed sign-in: it must not reveal whether the email has an account. */
export const INVALID_CREDENTIALS = "Incorrect email or password.";

/** A wait in words: "30 seconds", "15 minutes". */
export const waitFor = (seconds = 1) =>
  seconds < 90 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;

/** What the login form says for each way a sign-in can fail. */
export function signInFailureMessage({ reason, retryAfter }: SignInFailure): string {
  switch (reason) {
    case "invalid":
      return INVALID_CREDENTIALS;
    case "unverified":
      return "Please confirm your email address first: we have sent you a new link.";
    case "throttled":
      return `Too many sign-in attempts. Please wait ${waitFor(retryAfter)} and try again.`;
    case "busy":
      return `We are very busy right now. Please try again in ${waitFor(retryAfter)}.`;
    case "two-factor":
      return "Enter the code from your authenticator app to finish signing in.";
    case "expired":
      return "That sign-in has expired. Please sign in again.";
  }
}
