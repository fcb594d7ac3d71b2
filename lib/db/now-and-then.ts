import "server-only";

const last = globalThis as unknown as { latchkeyNowAndThen?: Map<string, number> };

/**
 * Starts `task` at most once every `everyMs` per process, beside the caller's request, never in
 * its way: its failure is logged as `what`, never the caller's. For prunes and sweeps, which are
 * idempotent, so that several processes each running their own is harmless.
 */
export function nowAndThen(what: string, everyMs: number, task: () => Promise<unknown>): void {
  const times = (last.latchkeyNowAndThen ??= new Map());
  const now = Date.now();
  if (now - (times.get(what) ?? 0) < everyMs) return;
  times.set(what, now);
  void task().catch((error: unknown) =>
    console.error(`[latchkey] ${what} failed:`, error instanceof Error ? error.message : error),
  );
}
