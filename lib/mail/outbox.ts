import "server-only";
import { after } from "next/server";
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
  try {
    // After the response, the transaction that wrote the row has long committed.
    after(drainMailNow);
  } catch {
    // Outside a request (scripts, tests): the sender loop, where one runs, takes it.
    wakeMailSender();
  }
}
