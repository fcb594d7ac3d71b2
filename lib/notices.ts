// Notices shown after a redirect, chosen by a code in the URL (never free text from it).
const NOTICES = {
  registered: "Welcome to Latchkey! Your account is ready.",
  "signed-out": "You have been signed out.",
  "sign-in-required": "Please sign in to continue.",
} as const;

export type NoticeCode = keyof typeof NOTICES;

export function noticeText(code: unknown): string | null {
  return typeof code === "string" && Object.hasOwn(NOTICES, code) ? NOTICES[code as NoticeCode] : null;
}
