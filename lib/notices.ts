import type { MessageKey } from "@/lib/i18n/message";

// Notices shown after a redirect, chosen by a code in the URL (never free text from it).
const NOTICES = {
  registered: "notices.registered",
  "signed-out": "notices.signedOut",
  "sign-in-required": "notices.signInRequired",
  "email-verified": "notices.emailVerified",
  "email-changed": "notices.emailChanged",
  "password-reset": "notices.passwordReset",
  "account-deleted": "notices.accountDeleted",
  "session-revoked": "notices.sessionRevoked",
  "session-not-found": "notices.sessionNotFound",
  "other-sessions-revoked": "notices.otherSessionsRevoked",
  "sign-in-expired": "notices.signInExpired",
  "two-factor-already-on": "notices.twoFactorAlreadyOn",
  "token-revoked": "notices.tokenRevoked",
  "token-not-found": "notices.tokenNotFound",
} as const satisfies Record<string, MessageKey>;

export type NoticeCode = keyof typeof NOTICES;

/** The notice's message (lib/i18n/message.ts), put into words where it is shown. */
export function noticeText(code: unknown): MessageKey | null {
  return typeof code === "string" && Object.hasOwn(NOTICES, code) ? NOTICES[code as NoticeCode] : null;
}
