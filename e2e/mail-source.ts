import { MailpitMailbox } from "../tests/helpers/mailpit-mailbox";
import { SmtpMailbox, type ReceivedMail } from "../tests/helpers/smtp-mailbox";

// Where the suite reads the app's mail, one of two ways:
// - E2E_MAILPIT_URL: a Mailpit mail catcher's web address (http://host:8025, with user:password@
//   when it asks for them), read over its HTTP API: what a staging server sends its mail to.
// - E2E_SMTP_PORT: an SMTP server this worker starts on 127.0.0.1, which the app sends to
//   (playwright.config.ts sets it, and the app's EMAIL_SERVER, when it starts the app itself).

/** Every message to an address so far, oldest first. */
export type MailSource = { to(address: string): Promise<ReceivedMail[]> };

export type MailSetting =
  | { kind: "mailpit"; url: string; describe: string }
  | { kind: "smtp"; port: number; describe: string }
  | { kind: "none"; reason: string };

export function mailSetting(env: Record<string, string | undefined> = process.env): MailSetting {
  if (env.E2E_MAILPIT_URL) {
    const url = new URL(env.E2E_MAILPIT_URL);
    return { kind: "mailpit", url: env.E2E_MAILPIT_URL, describe: `Mailpit at ${url.origin}` };
  }
  const port = Number.parseInt(env.E2E_SMTP_PORT ?? "", 10);
  if (port) return { kind: "smtp", port, describe: `an SMTP server on 127.0.0.1:${port}` };
  return { kind: "none", reason: `needs the app's mail: ${HOW_TO_READ_MAIL}` };
}

export const HOW_TO_READ_MAIL =
  "set E2E_MAILPIT_URL to the Mailpit the deployment sends to, or E2E_SMTP_PORT with the " +
  "deployment's EMAIL_SERVER=smtp://<this machine>:<that port>";

let smtpServer: Promise<SmtpMailbox> | undefined;

export async function openMailSource(setting: Exclude<MailSetting, { kind: "none" }>): Promise<MailSource> {
  if (setting.kind === "mailpit") return new MailpitMailbox(setting.url);
  smtpServer ??= SmtpMailbox.start(setting.port);
  const smtp = await smtpServer;
  return { to: async (address) => smtp.to(address) };
}
