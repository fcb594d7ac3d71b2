// Every kind of security event, with the words /settings → Recent activity shows for it.
// The later issues' kinds (providers)
// join this list as they land.
export const EVENT_LABELS = {
  "sign-in.succeeded": "Signed in",
  "sign-in.failed": "Failed sign-in attempt",
  "signed-out": "Signed out",
  "session.revoked": "Session signed out",
  "password.changed": "Password changed",
  "password.reset": "Password reset",
  "email.change-requested": "Email change requested",
  "email.changed": "Email address changed",
  "email.confirmed": "Email address confirmed",
  "lock.started": "Sign-in paused after failed attempts",
  "two-factor.enabled": "Two-factor authentication turned on",
  "two-factor.disabled": "Two-factor authentication turned off",
  "two-factor.failed": "Wrong authentication code",
  "two-factor.locked": "Second sign-in step paused after wrong codes",
  "recovery-codes.regenerated": "New recovery codes made",
  "recovery-code.used": "Recovery code used",
  "passkey.added": "Passkey added",
  "passkey.removed": "Passkey removed",
  "passkey.refused": "Passkey refused: it may have been copied",
  "access-token.created": "Personal access token created",
  "access-token.revoked": "Personal access token revoked",
  "account.created": "Account created by an operator",
  "account.locked": "Account locked by an administrator",
  "account.unlocked": "Account unlocked by an administrator",
  "role.changed": "Role changed",
  "two-factor.reset": "Two-factor authentication reset by an administrator",
  "email.confirmation-resent": "Confirmation email sent again",
  "account.deleted": "Account deleted",
  "provider.connected": "Sign-in provider connected",
  "provider.disconnected": "Sign-in provider disconnected",
  "provider.refused": "Provider sign-in refused",
  "account.replaced": "Unconfirmed account replaced by a provider sign-in",
} as const;

export type EventKind = keyof typeof EVENT_LABELS;

/** Who caused an event: the account's owner, an admin (by id), or Latchkey itself. */
export type EventActor = { type: "user" } | { type: "admin"; id: string } | { type: "system" };

/** Small and never secret: no password, token, code or link. */
export type EventDetails = Record<string, string | number | boolean | null>;
