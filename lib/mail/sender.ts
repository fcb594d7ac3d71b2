import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { retryDelayMs } from "@/lib/mail/backoff";
import { sendMail, type MailMessage } from "@/lib/mail/send";
import { onShutdown } from "@/lib/shutdown.mjs";

/**
 * How long a claimed mail is this sender's: longer than one attempt can take (lib/mail/send.ts
 * bounds it), so no other process takes it while it is in flight. A sender that dies mid-send
 * leaves it to be taken again once the claim runs out.
 */
export const CLAIM_MS = 5 * 60_000;
const POLL_MS = 2_000;
const WAKE_MS = 50;
const PRUNE_EVERY_MS = 10 * 60_000;
/** Sent mail is kept a week (its bodies emptied), failed mail a month, for an operator. */
const KEEP_SENT_MS = 7 * 86_400_000;
const KEEP_FAILED_MS = 30 * 86_400_000;
const MAX_ERROR_LENGTH = 500;

type Claimed = MailMessage & { id: bigint; attempts: number; createdAt: Date };
type Send = (message: MailMessage, messageId: string) => Promise<void>;

/**
 * Takes the oldest due mail for this sender, or null when none is due. FOR UPDATE SKIP LOCKED:
 * of two senders claiming at once, each gets a different row (or none), never the same one.
 * The claim itself is the row's next attempt time, moved CLAIM_MS ahead and committed at once,
 * so no transaction (nor, on the embedded database, its one connection) is held during SMTP.
 */
export async function claimMail(now = new Date()): Promise<Claimed | null> {
  const rows = await db.$queryRaw<Claimed[]>`
    UPDATE "OutboxMail"
    SET "attempts" = "attempts" + 1, "nextAttemptAt" = ${new Date(now.getTime() + CLAIM_MS)}
    WHERE "id" = (
      SELECT "id" FROM "OutboxMail"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt", "id"
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "to", "subject", "text", "html", "attempts", "createdAt"`;
  return rows[0] ?? null;
}

// Bodies hold live links: once a mail is done with, only who, what and how it went stay.
// The dev outbox (development without EMAIL_SERVER) keeps them, as /dev/outbox shows them.
const keepsBodies = () => env.NODE_ENV !== "production" && !env.EMAIL_SERVER;
const emptied = () => (keepsBodies() ? {} : { text: "", html: "" });

/** One attempt at a claimed mail, recorded: sent, to be retried later, or failed for good. */
export async function deliverClaimed(mail: Claimed, send: Send = sendMail, now = () => new Date()) {
  try {
    await send(mail, `<outbox-${mail.id}@latchkey>`);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
    const at = now();
    const delay = retryDelayMs(mail.attempts, at.getTime() - mail.createdAt.getTime());
    console.error(
      `[mail] attempt ${mail.attempts} of "${mail.subject}" to ${mail.to} failed` +
        `${delay === null ? ", giving up" : ""}: ${reason}`,
    );
    await db.outboxMail.update({
      where: { id: mail.id },
      data:
        delay === null
          ? { status: "failed", lastError: reason, ...emptied() }
          : { lastError: reason, nextAttemptAt: new Date(at.getTime() + delay) },
    });
    return "retry";
  }
  await db.outboxMail.update({
    where: { id: mail.id },
    data: { status: "sent", sentAt: now(), lastError: null, ...emptied() },
  });
  return "sent";
}

/** Sends every due mail, one at a time, until none is due or `stopped` says so. */
export async function sendDueMail(send: Send = sendMail, stopped = () => false): Promise<number> {
  let sent = 0;
  while (!stopped()) {
    const mail = await claimMail();
    if (!mail) break;
    if ((await deliverClaimed(mail, send)) === "sent") sent++;
  }
  return sent;
}

/** Deletes sent mail older than a week and failed mail older than a month. */
export async function pruneOutbox(now = new Date()): Promise<number> {
  const { count } = await db.outboxMail.deleteMany({
    where: {
      OR: [
        { status: "sent", createdAt: { lt: new Date(now.getTime() - KEEP_SENT_MS) } },
        { status: "failed", createdAt: { lt: new Date(now.getTime() - KEEP_FAILED_MS) } },
      ],
    },
  });
  return count;
}

type Loop = {
  started: boolean;
  stopped: boolean;
  timer?: NodeJS.Timeout;
  draining?: Promise<void>;
  again: boolean;
  lastPrune: number;
};
const state = globalThis as unknown as { latchkeyMailSender?: Loop };
const loop = (state.latchkeyMailSender ??= { started: false, stopped: false, again: false, lastPrune: 0 });

async function drainOnce(): Promise<void> {
  try {
    await sendDueMail(sendMail, () => loop.stopped);
    if (Date.now() - loop.lastPrune > PRUNE_EVERY_MS) {
      loop.lastPrune = Date.now();
      await pruneOutbox();
    }
  } catch (error) {
    // The database may be away for a while: the next round tries again.
    console.error("[mail] sender:", error instanceof Error ? error.message : error);
  }
}

/**
 * Sends what is due now, in this process's one drain (a call during a drain makes it go round
 * once more). Resolves when done, so that a serverless function stays alive until then.
 */
export function drainMailNow(): Promise<void> {
  if (loop.stopped) return Promise.resolve();
  if (loop.draining) {
    loop.again = true;
    return loop.draining;
  }
  loop.draining = (async () => {
    do {
      loop.again = false;
      await drainOnce();
    } while (loop.again && !loop.stopped);
  })().finally(() => {
    loop.draining = undefined;
  });
  return loop.draining;
}

/** Outside a request: a started loop looks again shortly, once the caller's transaction is likely committed. */
export function wakeMailSender(): void {
  if (loop.started && !loop.stopped) setTimeout(() => void drainMailNow(), WAKE_MS).unref();
}

function schedule() {
  if (loop.stopped) return;
  loop.timer = setTimeout(() => void drainMailNow().finally(schedule), POLL_MS);
  loop.timer.unref();
}

/** Starts this process's sender loop (once; instrumentation.ts calls it in every app process). */
export function startMailSender(): void {
  if (loop.started) return;
  loop.started = true;
  loop.stopped = false;
  onShutdown(stopMailSender);
  void drainMailNow().finally(schedule);
}

/**
 * Stops the loop: no new mail is claimed, and the one being sent is finished and recorded.
 * server.mjs runs it on SIGTERM/SIGINT (lib/shutdown.mjs), before the database closes.
 */
export async function stopMailSender(): Promise<void> {
  loop.stopped = true;
  loop.started = false;
  clearTimeout(loop.timer);
  await loop.draining;
}
