import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { database } from "@/lib/db/connection";
import { consume, consumeAll, consumeWith, pruneWith, refund } from "@/lib/rate-limit";

const run = promisify(execFile);
const url = () => process.env.DATABASE_URL ?? "";
// Several connections at once need a PostgreSQL server (the embedded one takes one at a time).
const onServer = Boolean(process.env.TEST_DATABASE_URL);
const pools: pg.Pool[] = [];
const newPool = () => {
  const pool = new pg.Pool({ connectionString: url(), max: 5 });
  pool.on("error", () => undefined); // the test database is dropped under idle clients
  pools.push(pool);
  return pool;
};
afterAll(() => Promise.all(pools.map((pool) => pool.end())));

async function expireWindow(key: string) {
  const { pool } = await database();
  await pool.query(`UPDATE "RateLimit" SET "resetAt" = "resetAt" - interval '1 hour' WHERE "key" = $1`, [
    key,
  ]);
}

describe("rate limits in PostgreSQL", () => {
  it("allows `limit` hits per window, then answers with the seconds left", async () => {
    const rule = { limit: 3, windowSeconds: 60 };
    for (let i = 0; i < 3; i++) expect(await consume("t:basic", rule)).toEqual({ ok: true });
    const limited = await consume("t:basic", rule);
    expect(limited.ok).toBe(false);
    if (!limited.ok) expect(limited.retryAfter).toBeGreaterThanOrEqual(59);
    if (!limited.ok) expect(limited.retryAfter).toBeLessThanOrEqual(60);
    // Other keys are counted apart.
    expect(await consume("t:other", rule)).toEqual({ ok: true });
  });

  it("starts a new window once the old one has passed", async () => {
    const rule = { limit: 1, windowSeconds: 60 };
    expect((await consume("t:window", rule)).ok).toBe(true);
    expect((await consume("t:window", rule)).ok).toBe(false);
    await expireWindow("t:window");
    expect((await consume("t:window", rule)).ok).toBe(true);
  });

  it("gives a hit back on refund", async () => {
    const rule = { limit: 1, windowSeconds: 60 };
    expect((await consume("t:refund", rule)).ok).toBe(true);
    await refund("t:refund");
    expect((await consume("t:refund", rule)).ok).toBe(true);
    expect((await consume("t:refund", rule)).ok).toBe(false);
  });

  it("consumeAll is limited when any key is, for the longest wait", async () => {
    const short = { limit: 1, windowSeconds: 30 };
    const long = { limit: 1, windowSeconds: 600 };
    expect(
      await consumeAll([
        ["t:a", short],
        ["t:b", long],
      ]),
    ).toEqual({ ok: true });
    const limited = await consumeAll([
      ["t:a", short],
      ["t:b", long],
    ]);
    expect(limited.ok).toBe(false);
    if (!limited.ok) expect(limited.retryAfter).toBeGreaterThan(500);
  });

  it("counts parallel hits exactly", async () => {
    const rule = { limit: 10, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 25 }, () => consume("t:parallel", rule)));
    expect(results.filter((result) => result.ok)).toHaveLength(10);
  });

  it("prunes expired windows", async () => {
    const { pool } = await database();
    await consume("t:prune", { limit: 5, windowSeconds: 60 });
    await expireWindow("t:prune");
    await pruneWith(pool);
    const { rows } = await pool.query(`SELECT 1 FROM "RateLimit" WHERE "key" = 't:prune'`);
    expect(rows).toHaveLength(0);
  });

  it.skipIf(!onServer)("two pools (two app instances) share one limit", async () => {
    const [first, second] = [newPool(), newPool()];
    const rule = { limit: 20, windowSeconds: 60 };
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => consumeWith(i % 2 ? first : second, "t:two-pools", rule)),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(20);
  });

  it.skipIf(!onServer)("two separate Node processes share one limit", async () => {
    const worker = path.resolve("tests/helpers/rate-limit-worker.ts");
    const start = () =>
      run(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", worker, url(), "t:processes", "25", "20"],
        {
          env: { ...process.env, NODE_ENV: "test" },
        },
      );
    const outputs = await Promise.all([start(), start()]);
    const allowed = outputs.map(({ stdout }) => (JSON.parse(stdout) as { allowed: number }).allowed);
    // Each process alone would allow 20 of its 25: together they were allowed 20, not 40.
    expect(allowed.reduce((sum, count) => sum + count, 0)).toBe(20);
  });
});
