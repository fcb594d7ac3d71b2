import type { FormState } from "@/lib/action-state";
import { message } from "@/lib/i18n/message";

/** The answer when the account's password changed while this change was being made. */
export const CREDENTIALS_CHANGED: FormState = {
  status: "error",
  message: message("settings.credentialsChanged"),
};
