import "server-only";
import { db } from "@/lib/db";

export type OutboxEntry = {
  id: bigint;
  createdAt: Date;
  status: string;
  to: string;
  subject: string;
  text: string;
  lastError: string | null;
};

const LIMIT = 50;

/** Development only: prints a message, links included, to the console. */
export function printToConsole(message: { to: string; subject: string; text: string }): void {
  console.info(
    `\n[dev outbox] To: ${message.to}\n[dev outbox] Subject: ${message.subject}\n${message.text}\n` +
      `[dev outbox] (EMAIL_SERVER is unset; see /dev/outbox)\n`,
  );
}

/** The latest mail of the outbox table, newest first, whatever its status (for /dev/outbox and tests). */
export async function devOutbox(limit = LIMIT): Promise<OutboxEntry[]> {
  return db.outboxMail.findMany({
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, createdAt: true, status: true, to: true, subject: true, text: true, lastError: true },
  });
}
