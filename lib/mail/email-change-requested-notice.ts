import type { MailMessage } from "@/lib/mail/send";
import type { SecurityContext } from "@/lib/request-context";

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * To the current address when someone signed in asks to move the account to another one:
 * nothing has changed yet, but if it was not the owner, now is the time to act.
 */
export function emailChangeRequestedNoticeMail(
  to: string,
  data: { name: string | null; newEmail: string; context: SecurityContext },
): MailMessage {
  const { at, ip, userAgent } = data.context;
  const paragraphs = [
    data.name ? `Hello ${data.name},` : "Hello,",
    `Someone signed in to your Latchkey account asked to change its email address from ${to} to ` +
      `${data.newEmail}. The address changes only once the link we sent to ${data.newEmail} is opened.`,
  ];
  const details: [string, string][] = [
    ["When", `${at.toISOString().replace("T", " ").slice(0, 19)} UTC`],
    ["IP address", ip ?? "unknown"],
    ["Device", userAgent ?? "unknown"],
  ];
  const notYou =
    "If this was not you, someone has your password: reset it right away from the sign-in page " +
    "(“Forgot password?”), which also signs out every session, and review Settings.";
  return {
    to,
    subject: "Latchkey: A change of your email address was requested",
    text: [
      ...paragraphs.flatMap((p) => [p, ""]),
      ...details.map(([key, value]) => `${key}: ${value}`),
      "",
      notYou,
      "",
      "— Latchkey",
    ].join("\n"),
    html:
      `<!doctype html><html><body style="font-family:sans-serif">` +
      paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n") +
      `<ul>${details.map(([key, value]) => `<li>${escapeHtml(key)}: ${escapeHtml(value)}</li>`).join("")}</ul>` +
      `<p>${escapeHtml(notYou)}</p><p>— Latchkey</p></body></html>`,
  };
}
