// What /admin/users/<id>?done=… says after an action, chosen by a code (never text from the URL):
// the code names its notice in the catalogue (messages/*.json admin.done).
const DONE_NOTICES = {
  locked: "locked",
  unlocked: "unlocked",
  "signed-out": "signedOut",
  "session-revoked": "sessionRevoked",
  "two-factor-reset": "twoFactorReset",
  "role-saved": "roleSaved",
  "confirmation-sent": "confirmationSent",
  proven: "proven",
} as const;

export type DoneCode = keyof typeof DONE_NOTICES;
export type DoneNotice = (typeof DONE_NOTICES)[DoneCode];

export function doneNotice(code: unknown): DoneNotice | null {
  return typeof code === "string" && Object.hasOwn(DONE_NOTICES, code)
    ? DONE_NOTICES[code as DoneCode]
    : null;
}
