import { inEnglish } from "@/lib/i18n/english";
import type { MessageKey } from "@/lib/i18n/message";

// Every kind of security event, with the message (the "events" namespace) that /settings →
// Recent activity and the admin's audit log show for it.
export const EVENT_MESSAGES = {
  "sign-in.succeeded": "events.signInSucceeded",
  "sign-in.failed": "events.signInFailed",
  "signed-out": "events.signedOut",
  "session.revoked": "events.sessionRevoked",
  "password.changed": "events.passwordChanged",
  "password.reset": "events.passwordReset",
  "email.change-requested": "events.emailChangeRequested",
  "email.changed": "events.emailChanged",
  "email.confirmed": "events.emailConfirmed",
  "lock.started": "events.lockStarted",
  "two-factor.enabled": "events.twoFactorEnabled",
  "two-factor.disabled": "events.twoFactorDisabled",
  "two-factor.failed": "events.twoFactorFailed",
  "two-factor.locked": "events.twoFactorLocked",
  "recovery-codes.regenerated": "events.recoveryCodesRegenerated",
  "recovery-code.used": "events.recoveryCodeUsed",
  "passkey.added": "events.passkeyAdded",
  "passkey.removed": "events.passkeyRemoved",
  "passkey.refused": "events.passkeyRefused",
  "access-token.created": "events.accessTokenCreated",
  "access-token.revoked": "events.accessTokenRevoked",
  "account.created": "events.accountCreated",
  "account.locked": "events.accountLocked",
  "account.unlocked": "events.accountUnlocked",
  "role.changed": "events.roleChanged",
  "two-factor.reset": "events.twoFactorReset",
  "email.confirmation-resent": "events.emailConfirmationResent",
  "account.deleted": "events.accountDeleted",
  "provider.connected": "events.providerConnected",
  "provider.disconnected": "events.providerDisconnected",
  "provider.refused": "events.providerRefused",
  "account.replaced": "events.accountReplaced",
} as const satisfies Record<string, MessageKey>;

export type EventKind = keyof typeof EVENT_MESSAGES;

/** Each kind's name in English, for the views not yet in the viewer's language (the admin console's). */
export const EVENT_LABELS = Object.fromEntries(
  Object.entries(EVENT_MESSAGES).map(([kind, key]) => [kind, inEnglish(key)]),
) as Record<EventKind, string>;

/** Who caused an event: the account's owner, an admin (by id), or Latchkey itself. */
export type EventActor = { type: "user" } | { type: "admin"; id: string } | { type: "system" };

/** Small and never secret: no password, token, code or link. */
export type EventDetails = Record<string, string | number | boolean | null>;
