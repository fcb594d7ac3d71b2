import "server-only";
import { after } from "next/server";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { recordInDevOutbox } from "@/lib/mail/dev-outbox";

export type MailMessage = { to: string; subject: string; text: string; html: string };

// Attempts after the first, in milliseconds: a brief SMTP hiccup should not lose a message.
const RETRY_DELAYS_MS = [1_000, 5_000, 30_000];

const cache = globalThis as unknown as { latchkeyMailer?: Transporter };

function transport(server: string): Transporter {
  return (cache.latchkeyMailer ??= nodemailer.createTransport(server));
}

/** Retrying cannot help: there is nowhere to send to. */
class MailNotConfiguredError extends Error {}

/** One attempt to deliver a message; throws when it fails. */
export async function sendMail(message: MailMessage): Promise<void> {
  if (env.EMAIL_SERVER) {
    await transport(env.EMAIL_SERVER).sendMail({ from: env.EMAIL_FROM, ...message });
    return;
  }
  if (env.NODE_ENV === "production") {
    throw new MailNotConfiguredError("EMAIL_SERVER is not set: cannot send mail in production");
  }
  recordInDevOutbox({ ...message, from: env.EMAIL_FROM });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends with retries; logs (recipient and subject only, never the body) and gives up at the end. */
export async function deliverWithRetries(
  message: MailMessage,
  delays = RETRY_DELAYS_MS,
  send: (message: MailMessage) => Promise<void> = sendMail,
): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await send(message);
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const last = attempt >= delays.length || error instanceof MailNotConfiguredError;
      console.error(
        `[mail] ${last ? "giving up on" : "retrying"} "${message.subject}" to ${message.to} ` +
          `(attempt ${attempt + 1}): ${reason}`,
      );
      if (last) return false;
      await sleep(delays[attempt] ?? 0);
    }
  }
}

/**
 * Sends a message after the response has gone out (so the requester neither waits for SMTP
 * nor learns anything from its timing or failure), retrying with backoff. Never throws.
 */
export function queueMail(message: MailMessage): void {
  const task = () => deliverWithRetries(message).then(() => undefined);
  try {
    after(task);
  } catch {
    // Outside a request (scripts, tests): send in the background right away.
    void task();
  }
}
