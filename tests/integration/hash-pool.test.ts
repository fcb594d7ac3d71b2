import { readdirSync, readFileSync } from "node:fs";
import { getPriority } from "node:os";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
import bcrypt from "bcryptjs";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { HASH_WORKER_NICE, HashPool, type HashJob } from "@/lib/auth/hash-pool";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { HashingBusyError } from "@/lib/auth/sign-in-errors";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users";
import { ORIGIN as origin, postCallback } from "@/tests/helpers/auth-endpoint";

const app = globalThis as typeof globalThis & { latchkeyHashPool?: HashPool };
const password = "correct horse battery staple";

/** Makes the app's pool one worker with no queue, kept busy by a slow job until `release`. */
async function saturateAppPool() {
  const previous = app.latchkeyHashPool;
  const tiny = new HashPool({ size: 1, queueMax: 0 });
  app.latchkeyHashPool = tiny;
  const blocker = tiny.run({ op: "hash", text: "blocker", cost: 13 });
  return async () => {
    await blocker;
    await tiny.close();
    app.latchkeyHashPool = previous;
  };
}

beforeAll(async () => {
  const user = await createUser({
    name: "Ada",
    email: "ada@example.com",
    passwordHash: await hashPassword(password, 4),
  });
  await db.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
});

describe("hash pool", () => {
  const pool = new HashPool({ size: 1, queueMax: 2 });
  afterAll(() => pool.close());

  it("hashes and verifies off the main thread, in bcrypt's current format", async () => {
    const hash = await hashPassword(password, 5);
    expect(hash).toMatch(/^\$2b\$05\$/);
    expect(bcrypt.getRounds(hash)).toBe(5);
    expect(await verifyPassword(password, hash)).toBe(true);
    expect(await verifyPassword(`${password}!`, hash)).toBe(false);
  });

  it.runIf(process.platform === "linux")("runs its workers below the main thread's priority", async () => {
    const threads = () => readdirSync("/proc/self/task");
    // Field 19 of /proc/…/stat, counted after the command name's closing parenthesis.
    const niceOf = (tid: string) =>
      Number(readFileSync(`/proc/self/task/${tid}/stat`, "utf8").split(") ")[1]?.split(" ")[16]);
    const before = new Set(threads());
    const lowered = new HashPool({ size: 1, queueMax: 0 });
    try {
      await lowered.run({ op: "hash", text: password, cost: 4 });
      const started = threads().filter((tid) => !before.has(tid));
      expect(started.map(niceOf)).toContain(Math.max(getPriority(), HASH_WORKER_NICE));
      expect(niceOf(String(process.pid))).toBe(getPriority());
    } finally {
      await lowered.close();
    }
  });

  it("answers HashingBusyError at once when every worker is busy and the queue is full", async () => {
    const accepted = [1, 2, 3].map((n) => pool.run({ op: "hash", text: `job ${n}`, cost: 10 }));
    expect(pool.queued).toBe(2);
    const refused = pool.run({ op: "hash", text: "one too many", cost: 10 });
    await expect(refused).rejects.toBeInstanceOf(HashingBusyError);
    const error = await refused.catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: expect.stringMatching(/^busy:\d+$/) });
    expect((error as HashingBusyError).retryAfter).toBeGreaterThanOrEqual(1);
    // The jobs already accepted still finish, and the pool takes work again once drained.
    for (const hash of await Promise.all(accepted)) expect(String(hash)).toMatch(/^\$2b\$10\$/);
    await expect(pool.run({ op: "compare", text: "x", hash: bcrypt.hashSync("x", 4) })).resolves.toBe(true);
  });

  it("passes a worker's error on as a rejection, and keeps working", async () => {
    await expect(pool.run({ op: "compare", text: "x", hash: "not a hash" })).resolves.toBe(false);
    const badCost = { op: "hash", text: "x", cost: "zz" } as unknown as HashJob;
    await expect(pool.run(badCost)).rejects.toThrow(/salt/i);
    await expect(pool.run({ op: "compare", text: "x", hash: bcrypt.hashSync("x", 4) })).resolves.toBe(true);
  });
});

describe("a full pool at the ways in", () => {
  it("makes authorize() throw HashingBusyError, for known and unknown emails alike", async () => {
    const release = await saturateAppPool();
    try {
      const request = new Request(`${origin}/api/auth/callback/credentials`, { method: "POST" });
      for (const email of ["ada@example.com", "nobody@example.com"]) {
        await expect(authorizeCredentials({ email, password }, request)).rejects.toBeInstanceOf(
          HashingBusyError,
        );
      }
    } finally {
      await release();
    }
  });

  it("makes POST /api/auth/callback/credentials answer 503 with Retry-After", async () => {
    const signIn = () => postCallback({ email: "ada@example.com", password });

    const release = await saturateAppPool();
    let busy: Response;
    try {
      busy = await signIn();
    } finally {
      await release();
    }
    expect(busy.status).toBe(503);
    expect(Number(busy.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await busy.json()).toMatchObject({ error: "busy" });

    // The same request with room in the pool signs in (a redirect that sets the session cookie).
    const ok = await signIn();
    expect(ok.status).toBe(302);
    expect(ok.headers.getSetCookie().some((setCookie) => setCookie.includes("session-token"))).toBe(true);
  });
});
