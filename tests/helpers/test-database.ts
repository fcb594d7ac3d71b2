import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

export type TestDatabase = {
  url: string;
  /** In-memory PGlite: use one connection at a time (a pool of max 1). */
  embedded: boolean;
  /** Stops (embedded) or drops (server) the database. */
  drop(): Promise<void>;
};

/**
 * A new, empty database: in-memory PGlite by default, or a `latchkey_test_<random>`
 * database on the server of TEST_DATABASE_URL when that is set.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const server = await startEmbeddedPostgres();
    return { url: server.url, embedded: true, drop: () => server.stop() };
  }
  const name = `latchkey_test_${randomBytes(6).toString("hex")}`;
  await withClient(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    embedded: false,
    drop: async () => {
      await withClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** Runs `run` on a connection of its own, closed afterwards (the embedded database takes one at a time). */
export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

type TestGlobals = { latchkeyTestDatabase?: TestDatabase };
const globals = globalThis as typeof globalThis & TestGlobals;

/** Set by tests/setup/integration.ts: the migrated database of the running test file. */
export function registerFileDatabase(database: TestDatabase | undefined) {
  globals.latchkeyTestDatabase = database;
}

/** The running test file's database (the DATABASE_URL the app sees). */
export function fileDatabase(): TestDatabase {
  const database = globals.latchkeyTestDatabase;
  if (!database) throw new Error("No test database: run this under the vitest `integration` project.");
  return database;
}

/**
 * A pool for raw SQL on the test file's database. It is the app's own pool
 * (lib/db/connection.ts), because the embedded database takes one connection only.
 */
export async function testPool(): Promise<pg.Pool> {
  fileDatabase();
  // Imported late: lib/env.ts reads DATABASE_URL when it loads, after the setup has set it.
  const { database } = await import("@/lib/db/connection");
  return (await database()).pool;
}
