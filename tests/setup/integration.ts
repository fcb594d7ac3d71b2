// Runs before each integration test file, ahead of its imports: gives the file a
// fresh, migrated database and points the app at it through DATABASE_URL.
import type pg from "pg";
import { afterAll } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { createTestDatabase, registerFileDatabase } from "@/tests/helpers/test-database";

// What lib/db.ts and lib/db/connection.ts cache on globalThis.
type AppGlobals = {
  latchkeyPrisma?: { $disconnect(): Promise<void> };
  latchkeyDatabase?: Promise<{ pool: pg.Pool }>;
};
const app = globalThis as typeof globalThis & AppGlobals;

const database = await createTestDatabase();
try {
  await applyMigrations(database.url);
} catch (error) {
  await database.drop();
  throw error;
}
registerFileDatabase(database);
process.env.DATABASE_URL = database.url;
if (database.embedded) process.env.DATABASE_POOL_MAX = "1";

afterAll(async () => {
  await app.latchkeyPrisma?.$disconnect();
  const opened = await app.latchkeyDatabase?.catch(() => undefined);
  if (opened && !opened.pool.ending) await opened.pool.end();
  app.latchkeyPrisma = undefined;
  app.latchkeyDatabase = undefined;
  registerFileDatabase(undefined);
  await database.drop();
});
