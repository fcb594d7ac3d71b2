import type { FormState } from "@/lib/action-state";
import { signInFailureMessage } from "@/lib/auth/messages";
import { HashingBusyError } from "@/lib/auth/sign-in-errors";

/** The answer when the current password given for a sensitive change is wrong. */
export const WRONG_CURRENT_PASSWORD: FormState = {
  status: "error",
  message: "Please correct the highlighted fields.",
  fieldErrors: { currentPassword: ["That is not your current password."] },
};

/**
 * Runs a step that checks or hashes a password; a full hashing pool becomes a form
 * message (try again shortly) instead of a server error.
 */
export async function unlessBusy<T>(step: () => Promise<T>): Promise<T | FormState> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof HashingBusyError)) throw error;
    return {
      status: "error",
      message: signInFailureMessage({ reason: "busy", retryAfter: error.retryAfter }),
    };
  }
}
