import "server-only";
import { accessSync, constants, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { env } from "@/lib/env";
import {
  isDatabaseUnavailable,
  markDatabaseDown,
  markDatabaseReachable,
  markDatabaseUp,
  MIGRATIONS_PENDING,
  registerDatabaseProbe,
  UNAVAILABLE,
} from "@/lib/db/availability.mjs";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations, pendingMigrations } from "@/lib/db/migrate";
import { closeOnShutdown } from "@/lib/shutdown.mjs";

export type Database = { pool: pg.Pool; embedded: boolean };

const cache = globalThis as unknown as { latchkeyDatabase?: Promise<Database> };

// Without an answer in these times a request fails (503) instead of hanging: a server that
// went away may never refuse the connection. Queries wait on the embedded database's one
// connection too, so CONNECT_TIMEOUT_MS also bounds that wait under a burst.
const CONNECT_TIMEOUT_MS = 4_000;
const QUERY_TIMEOUT_MS = 4_500;

/**
 * The one connection pool of this process: PostgreSQL at DATABASE_URL, or else the
 * embedded PGlite in DATA_DIR, started and migrated on first use. Cached on globalThis
 * so that hot reload in development does not open new pools or a second PGlite.
 */
export function database(): Promise<Database> {
  cache.latchkeyDatabase ??= open().catch((error: unknown) => {
    cache.latchkeyDatabase = undefined;
    throw error;
  });
  return cache.latchkeyDatabase;
}

async function open(): Promise<Database> {
  if (env.DATABASE_URL) {
    return { pool: createPool(env.DATABASE_URL, env.DATABASE_POOL_MAX), embedded: false };
  }
  const dataDir = path.resolve(env.DATA_DIR);
  assertWritable(dataDir);
  const embedded = await startEmbeddedPostgres(path.join(dataDir, "pglite"));
  const applied = await applyMigrations(embedded.url);
  if (applied.length > 0) console.log(`[latchkey] embedded database migrated: ${applied.join(", ")}`);
  console.log(
    `[latchkey] using the embedded PostgreSQL (PGlite) in ${dataDir}; set DATABASE_URL to use a server.`,
  );
  const pool = createPool(embedded.url, 1);
  closeOnShutdown(async () => {
    await pool.end();
    await embedded.stop();
  });
  return { pool, embedded: true };
}

function createPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    // The server gives up on a statement first, so the connection stays usable.
    statement_timeout: QUERY_TIMEOUT_MS - 500,
    keepAlive: true,
  });
  // An idle client whose server went away emits 'error'; unhandled, it would end the process.
  pool.on("error", (error) => {
    console.error("[latchkey] database connection lost:", error.message);
    markDatabaseDown();
  });
  pool.on("connect", () => markDatabaseReachable());
  if (!env.DATABASE_URL) return pool;
  closeOnShutdown(() => pool.end());
  return pool;
}

/**
 * Why the database cannot serve requests now ("database unavailable", or migrations not
 * applied), or null when it can. Asked by /api/health, at start, and by server.mjs while it
 * answers 503, to notice the database is back.
 */
export async function databaseProblem(): Promise<string | null> {
  try {
    const { pool } = await database();
    const pending = await pendingMigrations((sql) => pool.query(sql));
    const problem = pending.length > 0 ? MIGRATIONS_PENDING : null;
    if (problem) markDatabaseDown(problem);
    else markDatabaseUp();
    return problem;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.error("[latchkey] database unavailable:", (error as Error).message);
    markDatabaseDown();
    return UNAVAILABLE;
  }
}

registerDatabaseProbe(databaseProblem);

function assertWritable(dataDir: string) {
  const fix = "Set DATABASE_URL to a PostgreSQL connection string (postgresql://user:password@host:5432/db).";
  if (env.VERCEL) {
    throw new Error(`DATABASE_URL is not set. The embedded database cannot run on Vercel. ${fix}`);
  }
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch {
    throw new Error(
      `DATABASE_URL is not set and ${dataDir} is not writable (read-only filesystem?), ` +
        `so the embedded database cannot run. ${fix}`,
    );
  }
}
