import { PROOF_WINDOW_SECONDS } from "@/lib/admin/recent-proof";

// What /admin/users/<id>?done=… says after an action, chosen by a code (never text from the URL).
export const DONE_NOTICES = {
  locked: "The account is locked and every session was signed out. Its owner has been emailed.",
  unlocked: "The account is unlocked: it can sign in again. Its owner has been emailed.",
  "signed-out": "Every session of the account has been signed out.",
  "session-revoked": "That session has been signed out.",
  "two-factor-reset":
    "Two-factor authentication is off and every session was signed out. Its owner has been emailed.",
  "role-saved": "The role has been saved. It counts from the account's next request.",
  "confirmation-sent": "A new confirmation link has been sent to the account's address.",
  proven: `Thank you. You can use the admin actions for the next ${PROOF_WINDOW_SECONDS / 60} minutes.`,
} as const;

export type DoneCode = keyof typeof DONE_NOTICES;

export function doneNotice(code: unknown): string | null {
  return typeof code === "string" && Object.hasOwn(DONE_NOTICES, code)
    ? DONE_NOTICES[code as DoneCode]
    : null;
}
