// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, or else to the
// embedded database in DATA_DIR. Needs no network and no Prisma schema engine.
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations, listMigrations } from "@/lib/db/migrate";

// lib/env.ts throws outside Next (it imports "server-only"), so read its two variables
// here with the same rules: empty means unset.
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR || ".data";

async function migrate(): Promise<{ target: string; applied: string[] }> {
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      throw new Error("DATABASE_URL must be a postgresql:// connection string.");
    }
    return { target: describe(databaseUrl), applied: await applyMigrations(databaseUrl) };
  }
  const folder = path.resolve(dataDir, "pglite");
  const embedded = await startEmbeddedPostgres(folder);
  try {
    return { target: `the embedded database in ${folder}`, applied: await applyMigrations(embedded.url) };
  } finally {
    await embedded.stop();
  }
}

// Never print the password.
function describe(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}${port ? `:${port}` : ""}${pathname}`;
}

function count(n: number): string {
  return `${n} migration${n === 1 ? "" : "s"}`;
}

try {
  const { target, applied } = await migrate();
  if (applied.length === 0) {
    console.log(`${target} is up to date (${count(listMigrations().length)}).`);
  } else {
    console.log(`Applied ${count(applied.length)} to ${target}:`);
    for (const name of applied) console.log(`  - ${name}`);
  }
} catch (error) {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
