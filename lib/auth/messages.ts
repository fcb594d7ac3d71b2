import type { SignInFailure } from "@/lib/auth/sign-in-errors";
import { message } from "@/lib/i18n/message";

/** The one answer to every failed sign-in: it must not reveal whether the email has an account. */
export const INVALID_CREDENTIALS = message("signIn.invalid");

/**
 * A wait as the values of the "throttle" messages: seconds under 90, else whole minutes
 * rounded up ({unit, select} with {count, plural}).
 */
export const waitValues = (seconds = 1) =>
  seconds < 90
    ? { unit: "second", count: Math.max(1, Math.ceil(seconds)) }
    : { unit: "minute", count: Math.ceil(seconds / 60) };

/** What the login form says for each way a sign-in can fail. */
export function signInFailureMessage({ reason, retryAfter }: SignInFailure): string {
  switch (reason) {
    case "invalid":
      return INVALID_CREDENTIALS;
    case "unverified":
      return message("signIn.unverified");
    case "throttled":
      return message("throttle.tooManySignIns", waitValues(retryAfter));
    case "busy":
      return message("throttle.busy", waitValues(retryAfter));
    case "two-factor":
      return message("signIn.twoFactor");
    case "expired":
      return message("signIn.expired");
  }
}
