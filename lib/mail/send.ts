import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { printToConsole } from "@/lib/mail/dev-outbox";

export type MailMessage = { to: string; subject: string; text: string; html: string };

const cache = globalThis as unknown as { latchkeyMailer?: Transporter };

// Bounded, so that one attempt always ends well within a sender's claim (lib/mail/sender.ts).
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

function transport(server: string): Transporter {
  return (cache.latchkeyMailer ??= nodemailer.createTransport({ url: server, ...TIMEOUTS }));
}

/**
 * One attempt to deliver a message; throws when it fails. `messageId` stays the same on every
 * attempt, so a receiver can drop the copy a crash between SMTP's answer and our record of it
 * would send twice. In development without EMAIL_SERVER the message is printed instead
 * (it is already listed at /dev/outbox, which reads the outbox table).
 */
export async function sendMail(message: MailMessage, messageId?: string): Promise<void> {
  if (env.EMAIL_SERVER) {
    await transport(env.EMAIL_SERVER).sendMail({ from: env.EMAIL_FROM, messageId, ...message });
    return;
  }
  if (env.NODE_ENV === "production") {
    throw new Error("EMAIL_SERVER is not set: cannot send mail in production");
  }
  printToConsole(message);
}
