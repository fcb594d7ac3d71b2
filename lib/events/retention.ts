import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

const PRUNE_EVERY_MS = 10 * 60_000;
const state = globalThis as unknown as { latchkeyLastEventPrune?: number };

/** Deletes events older than SECURITY_EVENT_RETENTION_DAYS. */
export async function pruneEvents(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - env.SECURITY_EVENT_RETENTION_DAYS * 86_400_000);
  const { count } = await db.securityEvent.deleteMany({ where: { at: { lt: cutoff } } });
  return count;
}

/**
 * Prunes at most every 10 minutes per process, without holding up the caller's request; a
 * failure is logged, never the caller's.
 */
export function pruneEventsNowAndThen(): void {
  const now = Date.now();
  if (now - (state.latchkeyLastEventPrune ?? 0) < PRUNE_EVERY_MS) return;
  state.latchkeyLastEventPrune = now;
  void pruneEvents().catch((error: unknown) =>
    console.error(
      "[latchkey] pruning security events failed:",
      error instanceof Error ? error.message : error,
    ),
  );
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
