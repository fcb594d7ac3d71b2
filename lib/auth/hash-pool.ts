import "server-only";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { HashingBusyError } from "@/lib/auth/sign-in-errors";
import { env } from "@/lib/env";

/** The hash workers' nice value (0 is the default, 19 the lowest priority). */
export const HASH_WORKER_NICE = 10;

// bcryptjs is pure JavaScript: one cost-12 hash blocks a thread for about 0.25 s. It runs
// here, in worker threads, so the main thread keeps answering every other request.
//
// The worker is an inline CommonJS script, not a file: bundlers (Turbopack, webpack,
// vitest's) would each rewrite a worker file's path differently. Its require() resolves
// from process.cwd(), where bcryptjs is found because next.config.mjs keeps it external.
//
// On Linux a thread has its own nice value: the workers take a lower priority than the main
// thread, so when both want a core, requests that need no hashing go first. Hashing still
// gets every core the rest of the app leaves idle.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const bcrypt = require("bcryptjs");
if (process.platform === "linux") {
  const os = require("node:os");
  try {
    if (os.getPriority() < ${HASH_WORKER_NICE}) os.setPriority(${HASH_WORKER_NICE});
  } catch {} // a priority is an optimisation: hashing works without it
}
parentPort.on("message", (job) => {
  try {
    const result = job.op === "hash" ? bcrypt.hashSync(job.text, job.cost) : bcrypt.compareSync(job.text, job.hash);
    parentPort.postMessage({ result });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message ? error.message : error) });
  }
});
`;

/**
 * A worker is its own V8 isolate, by default with the main thread's heap limits: under a sign-in
 * flood each grew a young generation of over 100 MB for work that keeps a few kilobytes alive.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 };

export type HashJob =
  { op: "hash"; text: string; cost: number } | { op: "compare"; text: string; hash: string };
type Result = string | boolean;
type Pending = { job: HashJob; resolve: (result: Result) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; current: (Pending & { startedAt: number }) | null };
type Reply = { result?: Result; error?: string };

export type HashPoolOptions = { size: number; queueMax: number };

/** A fixed set of worker threads with a bounded queue; past the queue, jobs fail fast. */
export class HashPool {
  readonly size: number;
  readonly queueMax: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  // Running average of one job's duration, for Retry-After.
  private averageMs = 250;

  constructor({ size, queueMax }: HashPoolOptions) {
    this.size = Math.max(1, size);
    this.queueMax = Math.max(0, queueMax);
  }

  /** Runs a job, or throws HashingBusyError at once when every worker is busy and the queue is full. */
  run(job: HashJob): Promise<Result> {
    return new Promise((resolve, reject) => {
      const pending = { job, resolve, reject };
      const slot = this.idleSlot();
      if (slot) return this.start(slot, pending);
      if (this.queue.length >= this.queueMax) return reject(new HashingBusyError(this.retryAfter()));
      this.queue.push(pending);
    });
  }

  /** Seconds until the work ahead of a new job is done, at least 1. */
  retryAfter(): number {
    const ahead = this.queue.length + this.slots.filter((slot) => slot.current).length;
    return Math.max(1, Math.ceil((ahead / this.size) * (this.averageMs / 1000)));
  }

  get queued(): number {
    return this.queue.length;
  }

  /** True when a new job would be refused: every worker busy and the queue full. */
  get full(): boolean {
    return (
      this.slots.length >= this.size &&
      this.slots.every((slot) => slot.current) &&
      this.queue.length >= this.queueMax
    );
  }

  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private idleSlot(): Slot | null {
    const idle = this.slots.find((slot) => !slot.current);
    if (idle) return idle;
    return this.slots.length < this.size ? this.spawn() : null;
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: WORKER_LIMITS });
    const slot: Slot = { worker, current: null };
    worker.unref();
    worker.on("message", (reply: Reply) => this.finish(slot, reply));
    worker.on("error", (error) => this.fail(slot, error));
    worker.on("exit", (code) => this.fail(slot, new Error(`hash worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, pending: Pending): void {
    slot.current = { ...pending, startedAt: performance.now() };
    // Keeps the process alive only while a job runs (an idle pool must not hold up exit).
    slot.worker.ref();
    slot.worker.postMessage(pending.job);
  }

  private finish(slot: Slot, reply: Reply): void {
    const done = slot.current;
    slot.current = null;
    slot.worker.unref();
    if (done) {
      this.averageMs = this.averageMs * 0.8 + (performance.now() - done.startedAt) * 0.2;
      if (reply.error !== undefined || reply.result === undefined) done.reject(new Error(reply.error));
      else done.resolve(reply.result);
    }
    this.next();
  }

  private fail(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    slot.current?.reject(error);
    slot.current = null;
    void slot.worker.terminate();
    this.next();
  }

  private next(): void {
    while (this.queue.length > 0) {
      const slot = this.idleSlot();
      const pending = slot && this.queue.shift();
      if (!slot || !pending) return;
      this.start(slot, pending);
    }
  }
}

const cache = globalThis as unknown as { latchkeyHashPool?: HashPool };

/** The process's pool (kept on globalThis so hot reload does not start more workers). */
export function hashPool(): HashPool {
  cache.latchkeyHashPool ??= new HashPool({ size: availableParallelism(), queueMax: env.HASH_QUEUE_MAX });
  return cache.latchkeyHashPool;
}
