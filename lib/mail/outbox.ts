import "server-only";
import { after } from "next/server";
import { database } from "@/lib/db/connection";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MailMessage } from "@/lib/mail/send";
import { drainMailNow, wakeMailSender } from "@/lib/mail/sender";

/**
 * Puts a message in the outbox table, in the caller's transaction: it exists exactly when what
 * caused it (a token, an event) was committed, and it survives this process. The sender loop
 * of any app process delivers it; inside a request, this process also tries once the response
 * has gone out, so the requester neither waits for SMTP nor learns anything from its failure.
 */
export async function enqueueMail(tx: Prisma.TransactionClient, message: MailMessage): Promise<void> {
  await tx.outboxMail.create({
    data: { to: message.to, subject: message.subject, text: message.text, html: message.html },
    select: { id: true },
  });
  deliverSoon();
}

/** One SQL statement with its values ($1…$n), e.g. the INSERT of the event a mail tells of. */
export type Statement = { text: string; values: unknown[] };

/**
 * The same as enqueueMail, with what caused the mail written by the same statement instead of
 * in the caller's transaction: one round trip rather than an interactive transaction's four,
 * and still both or neither. Timestamps go as UTC text, as Prisma writes them.
 */
export async function enqueueMailWith(cause: Statement, message: MailMessage): Promise<void> {
  const n = cause.values.length;
  const { pool } = await database();
  await pool.query(
    `WITH cause AS (${cause.text})
     INSERT INTO "OutboxMail" ("createdAt", "nextAttemptAt", "to", "subject", "text", "html")
     VALUES ($${n + 1}::timestamp(3), $${n + 1}::timestamp(3), $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5})`,
    [...cause.values, new Date().toISOString(), message.to, message.subject, message.text, message.html],
  );
  deliverSoon();
}

function deliverSoon(): void {
  try {
    // After the response, the transaction that wrote the row has long committed.
    after(drainMailNow);
  } catch {
    // Outside a request (scripts, tests): the sender loop, where one runs, takes it.
    wakeMailSender();
  }
}
