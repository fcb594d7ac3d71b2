import "server-only";
import type { EventKind } from "@/lib/events/kinds";
import type { Locale } from "@/i18n/locales";
import type { MailMessage } from "@/lib/mail/send";
import { renderMail, type MailData, type MailKind } from "@/lib/mail/templates";
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
type Notice = { [M in MailKind]: { kind: M; data: MailData[M] } }[MailKind];
type Compose<K extends NoticeKind> = (to: Recipient, context: SecurityContext, data: NoticeData[K]) => Notice;

const account = (to: Recipient, context: SecurityContext) => ({ name: to.name, context });

/** The security notice each kind of event mails to the account, from one place. */
const NOTICES: { [K in NoticeKind]: Compose<K> } = {
  "sign-in.succeeded": (to, context) => ({ kind: "newSignIn", data: account(to, context) }),
  "password.changed": (to, context) => ({ kind: "passwordChanged", data: account(to, context) }),
  "password.reset": (to, context) => ({ kind: "passwordReset", data: account(to, context) }),
  "email.change-requested": (to, context, { newEmail }) => ({
    kind: "emailChangeRequestedNotice",
    data: { ...account(to, context), newEmail },
  }),
  "email.changed": (to, context, { newEmail }) => ({
    kind: "emailChanged",
    data: { ...account(to, context), newEmail },
  }),
  "lock.started": (to, context, { until, resetLink }) => ({
    kind: "accountLocked",
    data: { ...account(to, context), until, resetLink },
  }),
  "two-factor.enabled": (to, context) => ({ kind: "twoFactorEnabled", data: account(to, context) }),
  "two-factor.disabled": (to, context) => ({ kind: "twoFactorDisabled", data: account(to, context) }),
  "two-factor.locked": (to, context, { until }) => ({
    kind: "twoFactorLocked",
    data: { ...account(to, context), until },
  }),
  "recovery-codes.regenerated": (to, context) => ({
    kind: "recoveryCodesRegenerated",
    data: account(to, context),
  }),
  "recovery-code.used": (to, context, { remaining }) => ({
    kind: "recoveryCodeUsed",
    data: { ...account(to, context), remaining },
  }),
  "passkey.added": (to, context, { name }) => ({
    kind: "passkeyAdded",
    data: { ...account(to, context), passkey: name },
  }),
  "passkey.removed": (to, context, { name }) => ({
    kind: "passkeyRemoved",
    data: { ...account(to, context), passkey: name },
  }),
  "passkey.refused": (to, context, { name }) => ({
    kind: "passkeyRefused",
    data: { ...account(to, context), passkey: name },
  }),
  "account.deleted": (to, context) => ({ kind: "accountDeleted", data: account(to, context) }),
  "provider.connected": (to, context, { provider }) => ({
    kind: "providerConnected",
    data: { ...account(to, context), provider },
  }),
  "provider.disconnected": (to, context, { provider }) => ({
    kind: "providerDisconnected",
    data: { ...account(to, context), provider },
  }),
  "account.locked": (to, context) => ({ kind: "accountLockedByAdmin", data: account(to, context) }),
  "account.unlocked": (to, context) => ({ kind: "accountUnlocked", data: account(to, context) }),
  "two-factor.reset": (to, context) => ({ kind: "twoFactorReset", data: account(to, context) }),
  "role.changed": (to, context, { role }) => ({
    kind: "roleChanged",
    data: { ...account(to, context), role },
  }),
};

/** The notice for one event of kind `kind`, in the account's language `locale`. */
export function noticeFor<K extends NoticeKind>(
  kind: K,
  to: Recipient,
  context: SecurityContext,
  data: NoticeData[K],
  locale: Locale,
): Promise<MailMessage> {
  // TypeScript cannot correlate NOTICES[kind] with NoticeData[kind]; the mapped type above does.
  const notice = (NOTICES[kind] as unknown as Compose<K>)(to, context, data);
  return renderMail(notice.kind, to.email, notice.data as never, locale);
}
