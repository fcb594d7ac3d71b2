// Notices shown after a redirect, chosen by a code in the URL (never free text from it).
const NOTICES = {
  registered: "Welcome to Latchkey! Your account is ready.",
  "signed-out": "You have been signed out.",
  "sign-in-required": "Please sign in to continue.",
  "email-verified": "Thank you: your email address is confirmed.",
  "email-changed": "Your email address has been changed and confirmed.",
  "password-reset":
    "Your password has been reset and every session signed out. Sign in with your new password.",
  "account-deleted":
    "Your account has been deleted, and you have been signed out. We have emailed you a notice.",
  "session-revoked": "That session has been signed out.",
  "session-not-found": "That session had already ended.",
  "other-sessions-revoked": "Every other session has been signed out.",
  "sign-in-expired": "That sign-in has expired or was already used. Please sign in again.",
  "two-factor-already-on": "Two-factor authentication is already on.",
  "token-revoked": "That token has been revoked: it no longer works.",
  "token-not-found": "That token had already been revoked.",
} as const;

export type NoticeCode = keyof typeof NOTICES;

export function noticeText(code: unknown): string | null {
  return typeof code === "string" && Object.hasOwn(NOTICES, code) ? NOTICES[code as NoticeCode] : null;
}
