import "server-only";
import type { EventKind } from "@/lib/events/kinds";
import type { MailMessage } from "@/lib/mail/send";
import {
  accountDeletedMail,
  accountLockedByAdminMail,
  accountLockedMail,
  accountUnlockedMail,
  emailChangedNoticeMail,
  emailChangeRequestedNoticeMail,
  newSignInMail,
  passkeyAddedMail,
  passkeyRefusedMail,
  passkeyRemovedMail,
  passwordChangedMail,
  providerConnectedMail,
  providerDisconnectedMail,
  recoveryCodeUsedMail,
  recoveryCodesRegeneratedMail,
  roleChangedMail,
  twoFactorDisabledMail,
  twoFactorEnabledMail,
  twoFactorLockedMail,
  twoFactorResetMail,
} from "@/lib/mail/templates";
import type { SecurityContext } from "@/lib/request-context";

/**
 * What a notice needs beyond the event itself. Never stored: the lock notice's reset link
 * is a secret, which is why it travels here and not in the event's details.
 */
export type NoticeData = {
  "sign-in.succeeded": Record<string, never>;
  "password.changed": Record<string, never>;
  "password.reset": Record<string, never>;
  "email.change-requested": { newEmail: string };
  "email.changed": { newEmail: string };
  "lock.started": { until: Date | null; resetLink: string };
  "two-factor.enabled": Record<string, never>;
  "two-factor.disabled": Record<string, never>;
  "two-factor.locked": { until: Date | null };
  "recovery-codes.regenerated": Record<string, never>;
  "recovery-code.used": { remaining: number };
  "passkey.added": { name: string };
  "passkey.removed": { name: string };
  "passkey.refused": { name: string };
  "account.deleted": Record<string, never>;
  "provider.connected": { provider: string };
  "provider.disconnected": { provider: string };
  "account.locked": Record<string, never>;
  "account.unlocked": Record<string, never>;
  "two-factor.reset": Record<string, never>;
  /** The account's role now (an admin's change, or the create-admin command's promotion). */
  "role.changed": { role: string };
};
export type NoticeKind = keyof NoticeData & EventKind;

type Recipient = { email: string; name: string | null };
type Compose<K extends NoticeKind> = (
  to: Recipient,
  context: SecurityContext,
  data: NoticeData[K],
) => MailMessage;

/** The security notice each kind of event mails to the account, from one place. */
const NOTICES: { [K in NoticeKind]: Compose<K> } = {
  "sign-in.succeeded": (to, context) => newSignInMail(to.email, { name: to.name, context }),
  "password.changed": (to, context) => passwordChangedMail(to.email, { name: to.name, context }),
  "password.reset": (to, context) => passwordChangedMail(to.email, { name: to.name, context }),
  "email.change-requested": (to, context, { newEmail }) =>
    emailChangeRequestedNoticeMail(to.email, { name: to.name, newEmail, context }),
  "email.changed": (to, context, { newEmail }) =>
    emailChangedNoticeMail(to.email, { name: to.name, newEmail, context }),
  "lock.started": (to, context, { until, resetLink }) =>
    accountLockedMail(to.email, { name: to.name, until, resetLink, context }),
  "two-factor.enabled": (to, context) => twoFactorEnabledMail(to.email, { name: to.name, context }),
  "two-factor.disabled": (to, context) => twoFactorDisabledMail(to.email, { name: to.name, context }),
  "two-factor.locked": (to, context, { until }) =>
    twoFactorLockedMail(to.email, { name: to.name, until, context }),
  "recovery-codes.regenerated": (to, context) =>
    recoveryCodesRegeneratedMail(to.email, { name: to.name, context }),
  "recovery-code.used": (to, context, { remaining }) =>
    recoveryCodeUsedMail(to.email, { name: to.name, remaining, context }),
  "passkey.added": (to, context, { name }) =>
    passkeyAddedMail(to.email, { name: to.name, passkey: name, context }),
  "passkey.removed": (to, context, { name }) =>
    passkeyRemovedMail(to.email, { name: to.name, passkey: name, context }),
  "passkey.refused": (to, context, { name }) =>
    passkeyRefusedMail(to.email, { name: to.name, passkey: name, context }),
  "account.deleted": (to, context) => accountDeletedMail(to.email, { name: to.name, context }),
  "provider.connected": (to, context, { provider }) =>
    providerConnectedMail(to.email, { name: to.name, provider, context }),
  "provider.disconnected": (to, context, { provider }) =>
    providerDisconnectedMail(to.email, { name: to.name, provider, context }),
  "account.locked": (to, context) => accountLockedByAdminMail(to.email, { name: to.name, context }),
  "account.unlocked": (to, context) => accountUnlockedMail(to.email, { name: to.name, context }),
  "two-factor.reset": (to, context) => twoFactorResetMail(to.email, { name: to.name, context }),
  "role.changed": (to, context, { role }) => roleChangedMail(to.email, { name: to.name, role, context }),
};

/** The notice for one event of kind `kind`. */
export function noticeFor<K extends NoticeKind>(
  kind: K,
  to: Recipient,
  context: SecurityContext,
  data: NoticeData[K],
): MailMessage {
  // TypeScript cannot correlate NOTICES[kind] with NoticeData[kind]; the mapped type above does.
  return (NOTICES[kind] as unknown as Compose<K>)(to, context, data);
}
