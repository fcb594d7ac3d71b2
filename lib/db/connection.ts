import "server-only";
import { accessSync, constants, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { env } from "@/lib/env";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

export type Database = { pool: pg.Pool; embedded: boolean };

const cache = globalThis as unknown as {
  latchkeyDatabase?: Promise<Database>;
  /** Called by server.mjs on SIGINT/SIGTERM. */
  latchkeyCloseDatabase?: () => Promise<void>;
};

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
  cache.latchkeyCloseDatabase = async () => {
    await pool.end();
    await embedded.stop();
  };
  return { pool, embedded: true };
}

function createPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5_000 });
  // An idle client whose server went away emits 'error'; unhandled, it would end the process.
  pool.on("error", (error) => console.error("[latchkey] database connection lost:", error.message));
  return pool;
}

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
