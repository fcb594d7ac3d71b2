import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { nowAndThen } from "@/lib/db/now-and-then";
import { env } from "@/lib/env";

const PRUNE_EVERY_MS = 10 * 60_000;

/** Deletes events older than SECURITY_EVENT_RETENTION_DAYS. */
export async function pruneEvents(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - env.SECURITY_EVENT_RETENTION_DAYS * 86_400_000);
  const { count } = await db.securityEvent.deleteMany({ where: { at: { lt: cutoff } } });
  return count;
}

/** Prunes at most every 10 minutes per process, beside the caller's request. */
export function pruneEventsNowAndThen(): void {
  nowAndThen("pruning security events", PRUNE_EVERY_MS, () => pruneEvents());
}

/**
 * A deleted account's events stay (the log still shows what happened, the deletion
 * included) but lose what could identify the person: client addresses, devices, details.
 */
export async function forgetAccountDetails(userId: string, tx: Prisma.TransactionClient = db): Promise<void> {
  await tx.securityEvent.updateMany({
    where: { userId },
    data: { ip: null, userAgent: null, details: Prisma.DbNull },
  });
}
