import type { MailMessage } from "@/lib/mail/send";
import type { SecurityContext } from "@/lib/request-context";

const PRODUCT = "Latchkey";

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Part = { text: string } | { link: string; label: string } | { details: [string, string][] };

/** One message in both forms from the same parts, so text and HTML never say different things. */
function compose(to: string, subject: string, name: string | null, parts: Part[]): MailMessage {
  const greeting = name ? `Hello ${name},` : "Hello,";
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
      text.push(...part.details.map(([key, value]) => `${key}: ${value}`), "");
      html.push(
        `<ul>${part.details.map(([key, value]) => `<li>${escapeHtml(key)}: ${escapeHtml(value)}</li>`).join("")}</ul>`,
      );
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

function contextDetails({ at, ip, userAgent }: SecurityContext): Part {
  return {
    details: [
      ["When", `${at.toISOString().replace("T", " ").slice(0, 19)} UTC`],
      ["IP address", ip ?? "unknown"],
      ["Device", userAgent ?? "unknown"],
    ],
  };
}

const NOT_YOU =
  "If this was not you, reset your password right away from the sign-in page " +
  "(“Forgot password?”) and review your active sessions in Settings.";

export function verifyEmailMail(to: string, data: { name: string | null; link: string }): MailMessage {
  return compose(to, "Confirm your email address", data.name, [
    { text: `Please confirm that ${to} is your email address for ${PRODUCT}.` },
    { link: data.link, label: "Confirm email address" },
    {
      text: "The link works once and expires in 24 hours. If you did not create an account, ignore this email.",
    },
  ]);
}

export function resetPasswordMail(to: string, data: { name: string | null; link: string }): MailMessage {
  return compose(to, "Reset your password", data.name, [
    { text: `Someone asked to reset the password of your ${PRODUCT} account.` },
    { link: data.link, label: "Reset password" },
    {
      text:
        "The link works once and expires in 1 hour. If you did not ask for it, ignore this email: " +
        "your password stays the same.",
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

export function emailChangeRequestedMail(
  to: string,
  data: { name: string | null; link: string },
): MailMessage {
  return compose(to, "Confirm your new email address", data.name, [
    { text: `Please confirm that ${to} should become the email address of your ${PRODUCT} account.` },
    { link: data.link, label: "Confirm email address" },
    { text: "The link works once and expires in 24 hours. If you did not ask for this, ignore this email." },
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
  const until = data.until
    ? `${data.until.toISOString().replace("T", " ").slice(0, 19)} UTC`
    : "you choose a new password";
  return compose(to, "Sign-in paused after failed attempts", data.name, [
    {
      text: `After several failed sign-in attempts, sign-in to your ${PRODUCT} account is paused until ${until}.`,
    },
    contextDetails(data.context),
    { text: "If these attempts were not yours, choose a new password now:" },
    { link: data.resetLink, label: "Reset password" },
  ]);
}
