import type { FormState } from "@/lib/action-state";

/** The answer when the account's password changed while this change was being made. */
export const CREDENTIALS_CHANGED: FormState = {
  status: "error",
  message:
    "Your password was changed by another request a moment ago, so this change was not made. " +
    "Enter the password now in effect as your current password and try again.",
};
