import { vi } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Statement } from "@/lib/mail/outbox";
import type { MailMessage } from "@/lib/mail/send";

type Outbox = typeof import("@/lib/mail/outbox");

/**
 * lib/mail/outbox as it is (the row is written in the caller's transaction), that also pushes
 * each message into `sent`, for tests that read what was mailed:
 * `vi.mock("@/lib/mail/outbox", () => recordMailInto(sent))`.
 */
export async function recordMailInto(sent: unknown[]): Promise<Outbox> {
  const actual = await vi.importActual<Outbox>("@/lib/mail/outbox");
  return {
    ...actual,
    enqueueMail: async (tx: Prisma.TransactionClient, message: MailMessage) => {
      await actual.enqueueMail(tx, message);
      sent.push(message);
    },
    enqueueMailWith: async (cause: Statement, message: MailMessage) => {
      await actual.enqueueMailWith(cause, message);
      sent.push(message);
    },
  };
}
