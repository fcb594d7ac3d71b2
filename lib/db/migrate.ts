// No "server-only" here: scripts/db-migrate.ts runs this outside Next.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export type Migration = { name: string; script: string; checksum: string };

type MigrationRecord = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  started_at: Date;
  logs: string | null;
};

// The key Prisma Migrate locks with, so this runner and `prisma migrate deploy` exclude each other.
const ADVISORY_LOCK_KEY = 72707369;
const LOCK_TIMEOUT = "60s";

// Prisma's DDL, verbatim (schema-engine sql-schema-connector, postgres flavour).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

// Read at run time from the working directory, which next.config.mjs's outputFileTracingIncludes
// ships; the turbopackIgnore comments keep Turbopack from tracing the whole project for them.
export function defaultMigrationsDir(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

/** Lowercase hex SHA-256 of a migration script, as Prisma records it. */
export function migrationChecksum(script: string | Buffer): string {
  return createHash("sha256").update(script).digest("hex");
}

/** Prisma's comparison: line-ending agnostic, and tolerant of its old unpadded hex format. */
export function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant).digest();
    const hex =
      checksum.length === 64 ? digest.toString("hex") : [...digest].map((b) => b.toString(16)).join("");
    return hex === checksum;
  });
}

/** The migrations in a Prisma migrations folder, in the order they apply (folder name). */
export function listMigrations(migrationsDir = defaultMigrationsDir()): Migration[] {
  // The folder is named at run time (tests pass their own): Turbopack would trace the whole
  // project for it. Deployments copy prisma/migrations beside the server themselves.
  if (!existsSync(/*turbopackIgnore: true*/ migrationsDir)) {
    throw new Error(`No migrations folder at ${migrationsDir}.`);
  }
  assertPostgresLockfile(migrationsDir);
  return readdirSync(/*turbopackIgnore: true*/ migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      if (!existsSync(/*turbopackIgnore: true*/ file)) {
        throw new Error(`Migration ${name} has no migration.sql (${file}).`);
      }
      const bytes = readFileSync(/*turbopackIgnore: true*/ file);
      return { name, script: bytes.toString("utf8"), checksum: migrationChecksum(bytes) };
    });
}

/**
 * Applies the pending migrations of `migrationsDir` to the database, each in its own
 * transaction, recording them in `_prisma_migrations` as Prisma Migrate does, so that
 * `prisma migrate deploy` and `prisma migrate status` agree with it.
 *
 * @returns the names of the migrations applied by this call, in order
 */
export async function applyMigrations(
  connectionString: string,
  migrationsDir = defaultMigrationsDir(),
): Promise<string[]> {
  const migrations = listMigrations(migrationsDir);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000 });
  // A dropped connection also fails the pending query; unhandled, the event would end the process.
  client.on("error", () => {});
  await client.connect();
  try {
    await acquireLock(client);
    await ensureMigrationsTable(client);
    const records = await loadRecords(client);
    assertNoFailedMigrations(records);
    assertUnmodified(migrations, records);
    const done = new Set(records.filter((r) => r.rolled_back_at === null).map((r) => r.migration_name));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (!done.has(migration.name) && (await applyOne(client, migration))) applied.push(migration.name);
    }
    return applied;
  } finally {
    // Ending the session also releases the advisory lock.
    await client.end().catch(() => {});
  }
}

// The files do not change under a running server; the health check asks often.
const migrationNames: Record<string, string[]> = {};

/**
 * The migrations of `migrationsDir` not applied to the database behind `query` (all of them when
 * it has no migrations table). Reads only, so the app can ask it at start and in its health check.
 */
export async function pendingMigrations(
  query: (sql: string) => Promise<{ rows: unknown[] }>,
  migrationsDir = defaultMigrationsDir(),
): Promise<string[]> {
  const names = (migrationNames[migrationsDir] ??= listMigrations(migrationsDir).map((m) => m.name));
  const { rows } = await query(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS "exists"`);
  if (!(rows[0] as { exists?: boolean } | undefined)?.exists) return names;
  const applied = await query(
    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
  );
  const done = new Set(applied.rows.map((row) => (row as { migration_name: string }).migration_name));
  return names.filter((name) => !done.has(name));
}

async function acquireLock(client: pg.Client) {
  await client.query(`SET lock_timeout = '${LOCK_TIMEOUT}'`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
  } catch (error) {
    if ((error as { code?: unknown }).code !== "55P03") throw error;
    throw new Error(
      `Another migration run has held the migration lock (pg_advisory_lock ${ADVISORY_LOCK_KEY}) for over ${LOCK_TIMEOUT}; is a migration stuck?`,
      { cause: error },
    );
  }
  await client.query("RESET lock_timeout");
}

// PGlite (the embedded database) runs every connection in one session, where the advisory
// lock is re-entrant; it does run each transaction alone, so checks made inside one hold.
async function ensureMigrationsTable(client: pg.Client) {
  await client.query("BEGIN");
  try {
    await createMigrationsTable(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
}

async function createMigrationsTable(client: pg.Client) {
  const { rows } = await client.query<{ exists: boolean; tables: number }>(`
    SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists,
           (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')) AS tables`);
  const state = rows[0];
  if (state?.exists) return;
  if (state && state.tables > 0) {
    // Prisma refuses this too (P3005): applying the first migration over unknown tables would fail half-way.
    throw new Error(
      `The database schema "${await currentSchema(client)}" is not empty but has no _prisma_migrations table, ` +
        "so the migrations cannot tell what is applied. Use an empty database, or baseline it: " +
        "https://pris.ly/d/migrate-baseline",
    );
  }
  await client.query(CREATE_MIGRATIONS_TABLE);
}

async function currentSchema(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ schema: string }>("SELECT current_schema() AS schema");
  return rows[0]?.schema ?? "public";
}

async function loadRecords(client: pg.Client): Promise<MigrationRecord[]> {
  const { rows } = await client.query<MigrationRecord>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at, started_at, logs
       FROM _prisma_migrations ORDER BY started_at, migration_name`,
  );
  return rows;
}

function assertNoFailedMigrations(records: MigrationRecord[]) {
  const failed = records.filter((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed.length === 0) return;
  const details = failed.map((r) => {
    const logs = r.logs?.trim() ? ` with the following logs:\n${r.logs.trim()}` : "";
    return (
      `The \`${r.migration_name}\` migration started at ${r.started_at.toISOString()} failed${logs}\n` +
      `Fix it, then mark the failed attempt as rolled back: \`npx prisma migrate resolve --rolled-back ${r.migration_name}\`, ` +
      `or UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '${r.migration_name}' AND finished_at IS NULL;`
    );
  });
  throw new Error(
    `Found failed migrations in the database; new migrations will not be applied (see https://pris.ly/d/migrate-resolve).\n${details.join("\n")}`,
  );
}

function assertUnmodified(migrations: Migration[], records: MigrationRecord[]) {
  const scripts = new Map(migrations.map((m) => [m.name, m]));
  const modified = records.filter((record) => {
    const migration = scripts.get(record.migration_name);
    return (
      record.rolled_back_at === null && migration && !scriptMatchesChecksum(migration.script, record.checksum)
    );
  });
  if (modified.length === 0) return;
  const lines = modified.map(
    (r) =>
      `  - ${r.migration_name}: applied with checksum ${r.checksum}, the file now has ${scripts.get(r.migration_name)?.checksum}`,
  );
  throw new Error(
    `Migrations were modified after they were applied to the database:\n${lines.join("\n")}\n` +
      "Restore the applied version of each file and put the change in a new migration.",
  );
}

/** @returns false when another runner applied it meanwhile */
async function applyOne(client: pg.Client, migration: Migration): Promise<boolean> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    const recorded = await client.query(
      "SELECT 1 FROM _prisma_migrations WHERE migration_name = $1 AND rolled_back_at IS NULL",
      [migration.name],
    );
    if (recorded.rowCount) {
      await client.query("ROLLBACK");
      return false;
    }
    await client.query(migration.script);
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, clock_timestamp(), $3, now(), 1)`,
      [id, migration.checksum, migration.name],
    );
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    // Like Prisma, leave a failed record behind: it stops later runs until someone looks.
    await client
      .query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, applied_steps_count)
         VALUES ($1, $2, $3, $4, 0)`,
        [id, migration.checksum, migration.name, errorText(error)],
      )
      .catch(() => {});
    throw new Error(
      `Migration ${migration.name} failed and was rolled back: ${errorText(error)}\n` +
        "Fix it, then mark the attempt as rolled back before migrating again (see https://pris.ly/d/migrate-resolve).",
      { cause: error },
    );
  }
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? `${error.message} (SQLSTATE ${code})` : error.message;
}

function assertPostgresLockfile(migrationsDir: string) {
  const lockfile = path.join(migrationsDir, "migration_lock.toml");
  if (!existsSync(/*turbopackIgnore: true*/ lockfile)) return;
  const line = readFileSync(/*turbopackIgnore: true*/ lockfile, "utf8")
    .split(/\r?\n/)
    .find((l) => l.startsWith("provider"));
  const provider = line
    ?.replace(/^provider\s*=\s*/, "")
    .replaceAll('"', "")
    .trim();
  if (provider !== "postgresql") {
    throw new Error(`${lockfile} is for provider "${provider ?? "?"}", not "postgresql".`);
  }
}
