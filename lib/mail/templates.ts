import { isIP } from "node:net";
import { durationInWords } from "@/lib/duration";
import type { MailMessage } from "@/lib/mail/send";
import type { SecurityContext } from "@/lib/request-context";
import { describeUserAgent } from "@/lib/user-agent";

const PRODUCT = "Latchkey";

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Defence in depth (names stored before fields.ts refused breaks): user text cannot forge lines.
const oneLine = (value: string) =>
  value.replace(/[\s\p{Cc}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]+/gu, " ").trim();

const utc = (date: Date) => `${date.toISOString().replace("T", " ").slice(0, 19)} UTC`;

type Part = { text: string } | { link: string; label: string } | { details: [string, string][] };

/** One message in both forms from the same parts, so text and HTML never say different things. */
function compose(to: string, subject: string, name: string | null, parts: Part[]): MailMessage {
  const shownName = name ? oneLine(name) : "";
  const greeting = shownName ? `Hello ${shownName},` : "Hello,";
  const text: string[] = [greeting, ""];
  const html: string[] = [`<p>${escapeHtml(greeting)}</p>`];
  for (const part of parts) {
    if ("text" in part) {
      text.push(part.text, "");
      html.push(`<p>${escapeHtml(part.text)}</p>`);
    } else if ("link" in part) {
      text.push(`${part.label}: ${part.link}`, "");
      html.push(
        `<p><a href="${escapeHtml(part.link)}">${escapeHtml(part.label)}</a></p>`,
        `<p style="font-size:small">${escapeHtml(part.link)}</p>`,
      );
    } else {
      const details = part.details.map(([key, value]) => `${key}: ${oneLine(value)}`);
      text.push(...details, "");
      html.push(`<ul>${details.map((line) => `<li>${escapeHtml(line)}</li>`).join("")}</ul>`);
    }
  }
  text.push(`— ${PRODUCT}`);
  html.push(`<p>— ${PRODUCT}</p>`);
  return {
    to,
    subject: `${PRODUCT}: ${subject}`,
    text: text.join("\n"),
    html: `<!doctype html><html><body style="font-family:sans-serif">${html.join("\n")}</body></html>`,
  };
}

/** The client sends its User-Agent and may forge its address: describe them, never quote them. */
function contextDetails({ at, ip, userAgent }: SecurityContext): Part {
  return {
    details: [
      ["When", utc(at)],
      ["IP address", ip && isIP(ip) ? ip : "unknown"],
      ["Device", describeUserAgent(userAgent)],
    ],
  };
}

const NOT_YOU =
  "If this was not you, reset your password right away from the sign-in page " +
  "(“Forgot password?”) and review your active sessions in Settings.";

type LinkMail = {
  name: string | null;
  link: string;
  /** The link's lifetime, in seconds. */ validFor: number;
};

export function verifyEmailMail(to: string, data: LinkMail): MailMessage {
  return compose(to, "Confirm your email address", data.name, [
    { text: `Please confirm that ${to} is your email address for ${PRODUCT}.` },
    { link: data.link, label: "Confirm email address" },
    {
      text:
        `The link works once and expires in ${durationInWords(data.validFor)}. ` +
        "If you did not create an account, ignore this email.",
    },
  ]);
}

export function resetPasswordMail(to: string, data: LinkMail): MailMessage {
  return compose(to, "Reset your password", data.name, [
    { text: `Someone asked to reset the password of your ${PRODUCT} account.` },
    { link: data.link, label: "Reset password" },
    {
      text:
        `The link works once and expires in ${durationInWords(data.validFor)}. ` +
        "If you did not ask for it, ignore this email: " +
        "your password stays the same.",
    },
  ]);
}

/** For an account without a password (made with a provider): the reset link, asked for from settings. */
export function setPasswordMail(to: string, data: LinkMail): MailMessage {
  return compose(to, "Set a password for your account", data.name, [
    { text: `You asked to set a password for your ${PRODUCT} account, which has none yet.` },
    { link: data.link, label: "Set password" },
    {
      text:
        `The link works once and expires in ${durationInWords(data.validFor)}. ` +
        "If you did not ask for it, ignore this email, and review your sessions in Settings.",
    },
  ]);
}

export function passwordChangedMail(
  to: string,
  data: { name: string | null; context: SecurityContext },
): MailMessage {
  return compose(to, "Your password was changed", data.name, [
    { text: `The password of your ${PRODUCT} account was changed, and every session was signed out.` },
    contextDetails(data.context),
    { text: NOT_YOU },
  ]);
}

export function emailChangeRequestedMail(to: string, data: LinkMail): MailMessage {
  return compose(to, "Confirm your new email address", data.name, [
    { text: `Please confirm that ${to} should become the email address of your ${PRODUCT} account.` },
    { link: data.link, label: "Confirm email address" },
    {
      text:
        `The link works once and expires in ${durationInWords(data.validFor)}. ` +
        "If you did not ask for this, ignore this email.",
    },
  ]);
}

/** To the current address: nothing has changed yet, but if it was not the owner, now is the time to act. */
export function emailChangeRequestedNoticeMail(
  to: string,
  data: { name: string | null; newEmail: string; context: SecurityContext },
): MailMessage {
  return compose(to, "A change of your email address was requested", data.name, [
    {
      text:
        `Someone signed in to your ${PRODUCT} account asked to change its email address from ${to} to ` +
        `${data.newEmail}. The address changes only once the link we sent to ${data.newEmail} is opened.`,
    },
    contextDetails(data.context),
    {
      text:
        "If this was not you, someone has your password: reset it right away from the sign-in page " +
        "(“Forgot password?”), which also signs out every session, and review Settings.",
    },
  ]);
}

export function emailChangedNoticeMail(
  to: string,
  data: { name: string | null; newEmail: string; context: SecurityContext },
): MailMessage {
  return compose(to, "Your email address was changed", data.name, [
    {
      text:
        `The email address of your ${PRODUCT} account was changed from ${to} to ${data.newEmail}. ` +
        "Mail about the account now goes to the new address.",
    },
    contextDetails(data.context),
    {
      text:
        "If this was not you, your account may be in someone else's hands: reply to this email " +
        "or contact support right away.",
    },
  ]);
}

export function accountDeletedMail(
  to: string,
  data: { name: string | null; context: SecurityContext },
): MailMessage {
  return compose(to, "Your account was deleted", data.name, [
    { text: `Your ${PRODUCT} account and its data were deleted.` },
    contextDetails(data.context),
    {
      text:
        "If this was not you, someone had your password: reply to this email or contact support, " +
        "and change that password wherever else you use it.",
    },
  ]);
}

export function accountLockedMail(
  to: string,
  /** `until` null: paused until the password is reset (after too many failures in a row). */
  data: { name: string | null; until: Date | null; resetLink: string; context: SecurityContext },
): MailMessage {
  const until = data.until ? utc(data.until) : "you choose a new password";
  return compose(to, "Sign-in paused after failed attempts", data.name, [
    {
      text:
        `After several failed sign-in attempts, sign-in to your ${PRODUCT} account from browsers it ` +
        `has not been used in before is paused until ${until}. Browsers you have signed in with ` +
        "before are not affected.",
    },
    contextDetails(data.context),
    { text: "If these attempts were not yours, choose a new password now:" },
    { link: data.resetLink, label: "Reset password" },
  ]);
}

/** To an address that already has an account, when someone registers with it: no link, nothing to do. */
export function accountExistsMail(
  to: string,
  data: { name: string | null; context: SecurityContext },
): MailMessage {
  return compose(to, "Someone tried to create an account with your address", data.name, [
    { text: `Someone tried to create a ${PRODUCT} account with ${to}, which already has one.` },
    contextDetails(data.context),
    {
      text:
        "If it was you, sign in instead, or reset your password from the sign-in page " +
        "(“Forgot password?”) if you have forgotten it.",
    },
    { text: "If it was not you, you can ignore this email: nothing has changed." },
  ]);
}

/** A sign-in from a browser the account had not signed in from before. */
export function newSignInMail(
  to: string,
  data: { name: string | null; context: SecurityContext },
): MailMessage {
  return compose(to, "New sign-in to your account", data.name, [
    { text: `Your ${PRODUCT} account was just signed in to from a browser it had not been used in before.` },
    contextDetails(data.context),
    { text: `If this was you, there is nothing to do. ${NOT_YOU}` },
  ]);
}

type AccountNotice = { name: string | null; context: SecurityContext };

const SOMEONE_HAS_YOUR_PASSWORD =
  "If this was not you, someone has your password: reset it right away from the sign-in page " +
  "(“Forgot password?”), which also signs out every session, and review Settings.";

export function twoFactorEnabledMail(to: string, data: AccountNotice): MailMessage {
  return compose(to, "Two-factor authentication is on", data.name, [
    {
      text:
        `Two-factor authentication was turned on for your ${PRODUCT} account: signing in now also ` +
        "asks for a code from your authenticator app. Keep your recovery codes somewhere safe.",
    },
    contextDetails(data.context),
    { text: SOMEONE_HAS_YOUR_PASSWORD },
  ]);
}

export function twoFactorDisabledMail(to: string, data: AccountNotice): MailMessage {
  return compose(to, "Two-factor authentication was turned off", data.name, [
    {
      text:
        `Two-factor authentication was turned off for your ${PRODUCT} account: signing in now asks ` +
        "only for your password.",
    },
    contextDetails(data.context),
    { text: SOMEONE_HAS_YOUR_PASSWORD },
  ]);
}

export function twoFactorLockedMail(
  to: string,
  /** `until` null: paused until the password is reset. */
  data: AccountNotice & { until: Date | null },
): MailMessage {
  const until = data.until ? utc(data.until) : "you choose a new password";
  return compose(to, "Wrong authentication codes for your account", data.name, [
    {
      text:
        `Someone entered the right password for your ${PRODUCT} account, then several wrong ` +
        `authentication codes. The second sign-in step is paused until ${until}.`,
    },
    contextDetails(data.context),
    {
      text:
        "If this was not you, someone knows your password: choose a new one now from the sign-in " +
        "page (“Forgot password?”). Your authenticator app stays set up.",
    },
  ]);
}

export function recoveryCodesRegeneratedMail(to: string, data: AccountNotice): MailMessage {
  return compose(to, "New recovery codes were made", data.name, [
    {
      text: `New recovery codes were made for your ${PRODUCT} account. The old ones no longer work.`,
    },
    contextDetails(data.context),
    { text: SOMEONE_HAS_YOUR_PASSWORD },
  ]);
}

export function recoveryCodeUsedMail(to: string, data: AccountNotice & { remaining: number }): MailMessage {
  const left =
    data.remaining === 0
      ? "You have no recovery codes left: make new ones in Settings now."
      : `You have ${data.remaining} recovery code${data.remaining === 1 ? "" : "s"} left.`;
  return compose(to, "A recovery code was used", data.name, [
    { text: `A recovery code was used to sign in to your ${PRODUCT} account. ${left}` },
    contextDetails(data.context),
    {
      text:
        "If this was not you, someone has your password and a recovery code: reset your password " +
        "right away from the sign-in page (“Forgot password?”) and make new recovery codes.",
    },
  ]);
}

type PasskeyNotice = AccountNotice & { passkey: string };

export function passkeyAddedMail(to: string, data: PasskeyNotice): MailMessage {
  return compose(to, "A passkey was added to your account", data.name, [
    {
      text: `A passkey named “${oneLine(data.passkey)}” was added to your ${PRODUCT} account: it can sign in on its own.`,
    },
    contextDetails(data.context),
    { text: `${SOMEONE_HAS_YOUR_PASSWORD} Remove passkeys you do not know in Settings.` },
  ]);
}

export function passkeyRemovedMail(to: string, data: PasskeyNotice): MailMessage {
  return compose(to, "A passkey was removed from your account", data.name, [
    { text: `The passkey named “${oneLine(data.passkey)}” was removed from your ${PRODUCT} account.` },
    contextDetails(data.context),
    { text: SOMEONE_HAS_YOUR_PASSWORD },
  ]);
}

/** A signature counter went backwards: two authenticators may hold the same key. */
export function passkeyRefusedMail(to: string, data: PasskeyNotice): MailMessage {
  return compose(to, "A passkey sign-in was refused", data.name, [
    {
      text:
        `A sign-in with your passkey “${oneLine(data.passkey)}” was refused: the authenticator's ` +
        "counter went backwards, which can mean the passkey was copied.",
    },
    contextDetails(data.context),
    {
      text: "If you did not just try to sign in with it, remove that passkey in Settings and add it again.",
    },
  ]);
}

type ProviderNotice = AccountNotice & { provider: string };

export function providerConnectedMail(to: string, data: ProviderNotice): MailMessage {
  return compose(to, `${oneLine(data.provider)} was connected to your account`, data.name, [
    {
      text: `A ${oneLine(data.provider)} account was connected to your ${PRODUCT} account: it can sign in to it from now on.`,
    },
    contextDetails(data.context),
    { text: `${SOMEONE_HAS_YOUR_PASSWORD} Disconnect accounts you do not know in Settings.` },
  ]);
}

export function providerDisconnectedMail(to: string, data: ProviderNotice): MailMessage {
  return compose(to, `${oneLine(data.provider)} was disconnected from your account`, data.name, [
    { text: `Your ${PRODUCT} account can no longer be signed in to with ${oneLine(data.provider)}.` },
    contextDetails(data.context),
    { text: SOMEONE_HAS_YOUR_PASSWORD },
  ]);
}

// Notices of an administrator's change to the account. They say when, never from where: the
// administrator's address and device are not the account owner's to see.

const CONTACT_SUPPORT = "If you did not expect this, reply to this email or contact support.";

const when = (context: SecurityContext): Part => ({ details: [["When", utc(context.at)]] });

export function accountLockedByAdminMail(to: string, data: AccountNotice): MailMessage {
  return compose(to, "Your account was locked", data.name, [
    {
      text:
        `An administrator locked your ${PRODUCT} account: it cannot be signed in to, and every ` +
        "session was signed out.",
    },
    when(data.context),
    { text: CONTACT_SUPPORT },
  ]);
}

export function accountUnlockedMail(to: string, data: AccountNotice): MailMessage {
  return compose(to, "Your account was unlocked", data.name, [
    { text: `An administrator unlocked your ${PRODUCT} account: you can sign in again.` },
    when(data.context),
    { text: CONTACT_SUPPORT },
  ]);
}

export function twoFactorResetMail(to: string, data: AccountNotice): MailMessage {
  return compose(to, "Two-factor authentication was reset", data.name, [
    {
      text:
        `An administrator switched off two-factor authentication for your ${PRODUCT} account and ` +
        "signed out every session: signing in now asks only for your password. Set up an " +
        "authenticator app again in Settings.",
    },
    when(data.context),
    {
      text:
        "If you did not ask for this, reset your password right away from the sign-in page " +
        "(“Forgot password?”) and contact support.",
    },
  ]);
}

export function roleChangedMail(to: string, data: AccountNotice & { role: string }): MailMessage {
  return compose(to, "Your role was changed", data.name, [
    { text: `The role of your ${PRODUCT} account is now “${oneLine(data.role)}”.` },
    when(data.context),
    { text: CONTACT_SUPPORT },
  ]);
}
