import type { FormState } from "@/lib/action-state";
import type { PasswordRefusal } from "@/lib/account/current-password";
import { signInFailureMessage } from "@/lib/auth/messages";
import { HashingBusyError } from "@/lib/auth/sign-in-errors";
import { tooManyAttemptsMessage } from "@/lib/form-throttle";

/** The answer when the current password given for a sensitive change is wrong. */
export const WRONG_CURRENT_PASSWORD: FormState = {
  status: "error",
  message: "Please correct the highlighted fields.",
  fieldErrors: { currentPassword: ["That is not your current password."] },
};

/** The answer when the account's password changed while this change was being made. */
export const CREDENTIALS_CHANGED: FormState = {
  status: "error",
  message:
    "Your password was changed by another request a moment ago, so this change was not made. " +
    "Enter the password now in effect as your current password and try again.",
};

/**
 * Runs a change that first checks the current password. A refusal (wrong password, or the
 * account's sign-in lockout) and a full hashing pool become form messages instead of a
 * server error; anything else the change answers is passed on.
 */
export async function withCurrentPassword<T extends string>(
  change: () => Promise<T | PasswordRefusal>,
): Promise<T | FormState> {
  try {
    const result = await change();
    if (typeof result === "string") return result;
    return result.refused === "throttled"
      ? { status: "error", message: tooManyAttemptsMessage(result.retryAfter) }
      : WRONG_CURRENT_PASSWORD;
  } catch (error) {
    if (!(error instanceof HashingBusyError)) throw error;
    return {
      status: "error",
      message: signInFailureMessage({ reason: "busy", retryAfter: error.retryAfter }),
    };
  }
}
