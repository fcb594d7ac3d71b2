import "server-only";
import type pg from "pg";
import { database } from "@/lib/db/connection";
import { nowAndThen } from "@/lib/db/now-and-then";

/** At most `limit` hits per key in each fixed window of `windowSeconds`. */
export type RateRule = { limit: number; windowSeconds: number };
export type RateResult = { ok: true } | { ok: false; retryAfter: number };
export type Queryable = Pick<pg.Pool, "query">;

// The database's clock, not the app's: every process behind a load balancer agrees on it.
// Prisma stores DateTime as UTC in timestamp(3) columns; so do we.
export const NOW = `(now() AT TIME ZONE 'UTC')`;
const PRUNE_EVERY_MS = 10 * 60_000;
const MAX_COUNT = 1_000_000_000;

/**
 * Counts one hit against `key` and says whether it is within the rule. One statement,
 * so concurrent hits from any number of processes are counted exactly once each.
 */
export async function consumeWith(db: Queryable, key: string, rule: RateRule): Promise<RateResult> {
  const { rows } = await db.query<{ count: number; retryAfter: number }>(
    `INSERT INTO "RateLimit" ("key", "count", "resetAt")
     VALUES ($1, 1, ${NOW} + make_interval(secs => $2))
     ON CONFLICT ("key") DO UPDATE SET
       "count" = CASE WHEN "RateLimit"."resetAt" <= ${NOW} THEN 1
                      ELSE LEAST("RateLimit"."count" + 1, ${MAX_COUNT}) END,
       "resetAt" = CASE WHEN "RateLimit"."resetAt" <= ${NOW} THEN EXCLUDED."resetAt"
                        ELSE "RateLimit"."resetAt" END
     RETURNING "count",
       GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("resetAt" - ${NOW}))))::int AS "retryAfter"`,
    [key, rule.windowSeconds],
  );
  const row = rows[0];
  if (!row) throw new Error("rate limit: no row returned");
  return row.count <= rule.limit ? { ok: true } : { ok: false, retryAfter: row.retryAfter };
}

/** Gives back one hit, for attempts that turn out not to count (a successful sign-in). */
export async function refundWith(db: Queryable, key: string): Promise<void> {
  await db.query(
    `UPDATE "RateLimit" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = $1 AND "resetAt" > ${NOW}`,
    [key],
  );
}

/** Starts a key's count again. */
export async function forgetWith(db: Queryable, key: string): Promise<void> {
  await db.query(`DELETE FROM "RateLimit" WHERE "key" = $1`, [key]);
}

/** Deletes expired windows and long-idle sign-in failure counts. */
export async function pruneWith(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM "RateLimit" WHERE "resetAt" <= ${NOW}`);
  // Kept 30 days after the last failure, so a slow guesser cannot wait for a reset; an
  // account at the hard stop (100) stays locked until its password is reset.
  await db.query(
    `DELETE FROM "SignInFailure"
     WHERE "failures" < 100 AND "lastFailureAt" < ${NOW} - interval '30 days'
       AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${NOW})`,
  );
}

/**
 * The app's pool, pruning at most every 10 minutes per process, beside the request rather than
 * in its way: on a table of millions of rows the deletes take longer than the request itself.
 */
export async function rateLimitDb(): Promise<Queryable> {
  const { pool } = await database();
  nowAndThen("pruning rate limits", PRUNE_EVERY_MS, () => pruneWith(pool));
  return pool;
}

export async function consume(key: string, rule: RateRule): Promise<RateResult> {
  return consumeWith(await rateLimitDb(), key, rule);
}

export async function refund(key: string): Promise<void> {
  await refundWith(await rateLimitDb(), key);
}

/** Counts a hit on every key; limited when any is over, for the longest of their waits. */
export async function consumeAll(checks: [key: string, rule: RateRule][]): Promise<RateResult> {
  const results = await Promise.all(checks.map(([key, rule]) => consume(key, rule)));
  const waits = results.flatMap((result) => (result.ok ? [] : [result.retryAfter]));
  return waits.length === 0 ? { ok: true } : { ok: false, retryAfter: Math.max(...waits) };
}
