import "server-only";

export type OutboxEntry = {
  id: number;
  at: Date;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
};

const LIMIT = 50;
const store = globalThis as unknown as { latchkeyOutbox?: { next: number; entries: OutboxEntry[] } };

function outbox() {
  return (store.latchkeyOutbox ??= { next: 1, entries: [] });
}

/** Development only: keeps a message for /dev/outbox and prints it, links included, to the console. */
export function recordInDevOutbox(message: Omit<OutboxEntry, "id" | "at">): void {
  const box = outbox();
  box.entries.unshift({ ...message, id: box.next++, at: new Date() });
  box.entries.length = Math.min(box.entries.length, LIMIT);
  console.info(
    `\n[dev outbox] To: ${message.to}\n[dev outbox] Subject: ${message.subject}\n${message.text}\n` +
      `[dev outbox] (EMAIL_SERVER is unset; see /dev/outbox)\n`,
  );
}

/** Newest first. */
export function devOutbox(): readonly OutboxEntry[] {
  return outbox().entries;
}
