import { isIP } from "node:net";
import type { Locale } from "@/i18n/locales";
import type { MessageKey } from "@/lib/i18n/message";
import { compose, oneLine, type Part } from "@/lib/mail/layout";
import type { MailMessage } from "@/lib/mail/send";
import { mailWords, type MailWords } from "@/lib/mail/words";
import type { SecurityContext } from "@/lib/request-context";
import { deviceMessage } from "@/lib/user-agent";

// Every mail Latchkey sends, rendered from (kind, data, locale) to {subject, text, html}. The
// caller picks the locale (lib/i18n/account-language.ts mailLanguage) before it queues the mail.

type LinkMail = {
  name: string | null;
  link: string;
  /** The link's lifetime, in seconds. */ validFor: number;
};
type AccountNotice = { name: string | null; context: SecurityContext };
/** `until` null: paused until the password is reset (after too many failures in a row). */
type Pause = AccountNotice & { until: Date | null };
type PasskeyNotice = AccountNotice & { passkey: string };
type ProviderNotice = AccountNotice & { provider: string };

export type MailData = {
  verifyEmail: LinkMail;
  resetPassword: LinkMail;
  /** For an account without a password (made with a provider): the reset link, asked for from settings. */
  setPassword: LinkMail;
  /** From Settings: the session that changed it stays. */
  passwordChanged: AccountNotice;
  /** From an emailed link: every session ends. */
  passwordReset: AccountNotice;
  emailChangeRequested: LinkMail;
  /** To the current address: nothing has changed yet, but if it was not the owner, now is the time to act. */
  emailChangeRequestedNotice: AccountNotice & { newEmail: string };
  emailChanged: AccountNotice & { newEmail: string };
  accountDeleted: AccountNotice;
  accountLocked: Pause & { resetLink: string };
  /** To an address that already has an account, when someone registers with it: no link, nothing to do. */
  accountExists: AccountNotice;
  /** A sign-in from a browser the account had not signed in from before. */
  newSignIn: AccountNotice;
  twoFactorEnabled: AccountNotice;
  twoFactorDisabled: AccountNotice;
  twoFactorLocked: Pause;
  recoveryCodesRegenerated: AccountNotice;
  recoveryCodeUsed: AccountNotice & { remaining: number };
  passkeyAdded: PasskeyNotice;
  passkeyRemoved: PasskeyNotice;
  /** A signature counter went backwards: two authenticators may hold the same key. */
  passkeyRefused: PasskeyNotice;
  providerConnected: ProviderNotice;
  providerDisconnected: ProviderNotice;
  accountLockedByAdmin: AccountNotice;
  accountUnlocked: AccountNotice;
  twoFactorReset: AccountNotice;
  /** `role` as stored ("user", "admin"); the mail names it in words. */
  roleChanged: AccountNotice & { role: string };
};
export type MailKind = keyof MailData;

const when = (at: Date, locale: Locale) =>
  new Intl.DateTimeFormat(locale, {
    dateStyle: "long",
    timeStyle: "long",
    hourCycle: "h23",
    timeZone: "UTC",
  }).format(at);

const UNITS = [
  [86_400, "mail.duration.days"],
  [3_600, "mail.duration.hours"],
  [60, "mail.duration.minutes"],
  [1, "mail.duration.seconds"],
] as const;

/** A configured lifetime in words, exactly: the largest unit that divides it (days from two on). */
function duration(seconds: number, { word }: MailWords): string {
  const [size, key] =
    UNITS.find(([size]) => seconds % size === 0 && seconds / size >= (size === 86_400 ? 2 : 1)) ?? UNITS[3];
  return word(key, { count: seconds / size });
}

/** The client sends its User-Agent and may forge its address: describe them, never quote them. */
function contextDetails({ at, ip, userAgent }: SecurityContext, words: MailWords): Part {
  const { word, text, locale } = words;
  return {
    details: [
      [word("mail.layout.when"), when(at, locale)],
      [word("mail.layout.ipAddress"), ip && isIP(ip) ? ip : word("mail.layout.unknownAddress")],
      // As the sessions list names it ("Chrome on Linux"), in the mail's language.
      [word("mail.layout.device"), text(deviceMessage(userAgent))],
    ],
  };
}

// Notices of an administrator's change to the account say when, never from where: the
// administrator's address and device are not the account owner's to see.
const whenOnly = ({ at }: SecurityContext, { word, locale }: MailWords): Part => ({
  details: [[word("mail.layout.when"), when(at, locale)]],
});

type Draft = { subject: string; name: string | null; parts: Part[] };
type Writer<K extends MailKind> = (w: MailWords, to: string, data: MailData[K]) => Draft;

function linkMail(
  prefix: "verifyEmail" | "resetPassword" | "setPassword" | "emailChangeRequested",
): (w: MailWords, to: string, data: LinkMail) => Draft {
  const key = (name: string) => `mail.${prefix}.${name}` as MessageKey;
  return (w, to, data) => ({
    subject: w.word(key("subject")),
    name: data.name,
    parts: [
      w.say(key("intro"), { email: to }),
      { link: data.link, label: w.word(key("action")) },
      w.say(key("outro"), { duration: duration(data.validFor, w) }),
    ],
  });
}

/** The usual notice: what happened, when, where from and on which device, and what to do. */
function notice(
  prefix: string,
  outro: MessageKey = "mail.common.someoneHasYourPassword",
): (w: MailWords, to: string, data: AccountNotice) => Draft {
  return (w, _to, data) => ({
    subject: w.word(`mail.${prefix}.subject` as MessageKey),
    name: data.name,
    parts: [w.say(`mail.${prefix}.intro` as MessageKey), contextDetails(data.context, w), w.say(outro)],
  });
}

/** An administrator's change: what happened, when, and whom to ask. */
function adminNotice(prefix: string): (w: MailWords, to: string, data: AccountNotice) => Draft {
  return (w, _to, data) => ({
    subject: w.word(`mail.${prefix}.subject` as MessageKey),
    name: data.name,
    parts: [
      w.say(`mail.${prefix}.intro` as MessageKey),
      whenOnly(data.context, w),
      w.say("mail.common.contactSupport"),
    ],
  });
}

function pause(w: MailWords, prefix: "accountLocked" | "twoFactorLocked", until: Date | null): Part {
  return until
    ? w.say(`mail.${prefix}.intro`, { until: when(until, w.locale) })
    : w.say(`mail.${prefix}.introUntilReset`);
}

const KNOWN_ROLES: Record<string, MessageKey> = { user: "admin.roles.user", admin: "admin.roles.admin" };

const WRITERS: { [K in MailKind]: Writer<K> } = {
  verifyEmail: linkMail("verifyEmail"),
  resetPassword: linkMail("resetPassword"),
  setPassword: linkMail("setPassword"),
  emailChangeRequested: linkMail("emailChangeRequested"),
  passwordChanged: notice("passwordChanged", "mail.common.notYou"),
  passwordReset: notice("passwordReset", "mail.common.notYou"),
  emailChangeRequestedNotice: (w, to, data) => ({
    subject: w.word("mail.emailChangeRequestedNotice.subject"),
    name: data.name,
    parts: [
      w.say("mail.emailChangeRequestedNotice.intro", { email: to, newEmail: data.newEmail }),
      contextDetails(data.context, w),
      w.say("mail.common.someoneHasYourPassword"),
    ],
  }),
  emailChanged: (w, to, data) => ({
    subject: w.word("mail.emailChanged.subject"),
    name: data.name,
    parts: [
      w.say("mail.emailChanged.intro", { email: to, newEmail: data.newEmail }),
      contextDetails(data.context, w),
      w.say("mail.emailChanged.outro"),
    ],
  }),
  accountDeleted: notice("accountDeleted", "mail.accountDeleted.outro"),
  accountLocked: (w, _to, data) => ({
    subject: w.word("mail.accountLocked.subject"),
    name: data.name,
    parts: [
      pause(w, "accountLocked", data.until),
      contextDetails(data.context, w),
      w.say("mail.accountLocked.resetPrompt"),
      { link: data.resetLink, label: w.word("mail.accountLocked.action") },
    ],
  }),
  accountExists: (w, to, data) => ({
    subject: w.word("mail.accountExists.subject"),
    name: data.name,
    parts: [
      w.say("mail.accountExists.intro", { email: to }),
      contextDetails(data.context, w),
      w.say("mail.accountExists.ifYou"),
      w.say("mail.accountExists.ifNotYou"),
    ],
  }),
  newSignIn: notice("newSignIn", "mail.newSignIn.outro"),
  twoFactorEnabled: notice("twoFactorEnabled"),
  twoFactorDisabled: notice("twoFactorDisabled"),
  twoFactorLocked: (w, _to, data) => ({
    subject: w.word("mail.twoFactorLocked.subject"),
    name: data.name,
    parts: [
      pause(w, "twoFactorLocked", data.until),
      contextDetails(data.context, w),
      w.say("mail.twoFactorLocked.outro"),
    ],
  }),
  recoveryCodesRegenerated: notice("recoveryCodesRegenerated"),
  recoveryCodeUsed: (w, _to, data) => ({
    subject: w.word("mail.recoveryCodeUsed.subject"),
    name: data.name,
    parts: [
      w.say("mail.recoveryCodeUsed.intro", { remaining: data.remaining }),
      contextDetails(data.context, w),
      w.say("mail.recoveryCodeUsed.outro"),
    ],
  }),
  passkeyAdded: (w, _to, data) => passkeyDraft(w, "passkeyAdded", data, "mail.passkeyAdded.outro"),
  passkeyRemoved: (w, _to, data) =>
    passkeyDraft(w, "passkeyRemoved", data, "mail.common.someoneHasYourPassword"),
  passkeyRefused: (w, _to, data) => passkeyDraft(w, "passkeyRefused", data, "mail.passkeyRefused.outro"),
  providerConnected: (w, _to, data) =>
    providerDraft(w, "providerConnected", data, "mail.providerConnected.outro"),
  providerDisconnected: (w, _to, data) =>
    providerDraft(w, "providerDisconnected", data, "mail.common.someoneHasYourPassword"),
  accountLockedByAdmin: adminNotice("accountLockedByAdmin"),
  accountUnlocked: adminNotice("accountUnlocked"),
  twoFactorReset: (w, _to, data) => ({
    subject: w.word("mail.twoFactorReset.subject"),
    name: data.name,
    parts: [
      w.say("mail.twoFactorReset.intro"),
      whenOnly(data.context, w),
      w.say("mail.twoFactorReset.outro"),
    ],
  }),
  roleChanged: (w, _to, data) => {
    const known = KNOWN_ROLES[data.role];
    return {
      subject: w.word("mail.roleChanged.subject"),
      name: data.name,
      parts: [
        w.say("mail.roleChanged.intro", { role: known ? w.word(known) : oneLine(data.role) }),
        whenOnly(data.context, w),
        w.say("mail.common.contactSupport"),
      ],
    };
  },
};

function passkeyDraft(
  w: MailWords,
  prefix: "passkeyAdded" | "passkeyRemoved" | "passkeyRefused",
  data: PasskeyNotice,
  outro: MessageKey,
): Draft {
  return {
    subject: w.word(`mail.${prefix}.subject`),
    name: data.name,
    parts: [
      w.say(`mail.${prefix}.intro`, { passkey: oneLine(data.passkey) }),
      contextDetails(data.context, w),
      w.say(outro),
    ],
  };
}

function providerDraft(
  w: MailWords,
  prefix: "providerConnected" | "providerDisconnected",
  data: ProviderNotice,
  outro: MessageKey,
): Draft {
  const provider = oneLine(data.provider);
  return {
    subject: w.word(`mail.${prefix}.subject`, { provider }),
    name: data.name,
    parts: [w.say(`mail.${prefix}.intro`, { provider }), contextDetails(data.context, w), w.say(outro)],
  };
}

/** The mail of kind `kind` to `to`, in `locale`: its subject, plain text and branded HTML. */
export async function renderMail<K extends MailKind>(
  kind: K,
  to: string,
  data: MailData[K],
  locale: Locale,
): Promise<MailMessage> {
  const words = await mailWords(locale);
  const { subject, name, parts } = (WRITERS[kind] as Writer<K>)(words, to, data);
  return compose(words, to, subject, name, parts);
}
