import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, defaultMigrationsDir, listMigrations } from "@/lib/db/migrate";
import { createTestDatabase, withClient, type TestDatabase } from "@/tests/helpers/test-database";

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function emptyDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  return database;
}

function migrationsDir(migrations: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "latchkey-migrations-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(migrations)) writeMigration(dir, name, sql);
  return dir;
}

function writeMigration(dir: string, name: string, sql: string) {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

type Row = {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
};

function records(url: string): Promise<Row[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<Row>(
      "SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name",
    );
    return rows;
  });
}

function tableExists(url: string, table: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ found: boolean }>("SELECT to_regclass($1) IS NOT NULL AS found", [
      table,
    ]);
    return rows[0]?.found ?? false;
  });
}

describe("applyMigrations", () => {
  it("applies the repository's migrations once; a second run applies nothing", async () => {
    const { url } = await emptyDatabase();
    const names = listMigrations().map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);

    expect(await applyMigrations(url)).toEqual(names);
    expect(await applyMigrations(url)).toEqual([]);
    expect((await records(url)).map((r) => r.migration_name)).toEqual(names);
    expect(await tableExists(url, '"User"')).toBe(true);
  });

  it("records migrations exactly as Prisma Migrate does", async () => {
    const { url } = await emptyDatabase();
    await applyMigrations(url);

    const rows = await records(url);
    for (const row of rows) {
      const file = path.join(defaultMigrationsDir(), row.migration_name, "migration.sql");
      expect(row.checksum).toBe(createHash("sha256").update(readFileSync(file)).digest("hex"));
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at?.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row).toMatchObject({ applied_steps_count: 1, rolled_back_at: null, logs: null });
    }

    const columns = await withClient(url, async (client) => {
      const { rows } = await client.query<{ column: string }>(
        `SELECT column_name || ' ' || format_type(atttypid, atttypmod)
                || CASE WHEN is_nullable = 'NO' THEN ' NOT NULL' ELSE '' END
                || COALESCE(' DEFAULT ' || column_default, '') AS column
           FROM information_schema.columns
           JOIN pg_attribute ON attrelid = '_prisma_migrations'::regclass AND attname = column_name
          WHERE table_name = '_prisma_migrations' AND table_schema = current_schema()
          ORDER BY ordinal_position`,
      );
      return rows.map((r) => r.column);
    });
    expect(columns).toEqual([
      "id character varying(36) NOT NULL",
      "checksum character varying(64) NOT NULL",
      "finished_at timestamp with time zone",
      "migration_name character varying(255) NOT NULL",
      "logs text",
      "rolled_back_at timestamp with time zone",
      "started_at timestamp with time zone NOT NULL DEFAULT now()",
      "applied_steps_count integer NOT NULL DEFAULT 0",
    ]);
  });

  it("refuses a migration that was edited after it was applied, but not a line-ending change", async () => {
    const { url } = await emptyDatabase();
    const dir = migrationsDir({
      "1_first": "CREATE TABLE a (x int);\n",
      "2_second": "CREATE TABLE b (x int);\n",
    });
    await applyMigrations(url, dir);

    writeMigration(dir, "2_second", "CREATE TABLE b (x int);\r\n");
    expect(await applyMigrations(url, dir)).toEqual([]);

    writeMigration(dir, "2_second", "CREATE TABLE b (x bigint);\n");
    writeMigration(dir, "3_third", "CREATE TABLE c (x int);\n");
    await expect(applyMigrations(url, dir)).rejects.toThrow(
      /modified after they were applied[\s\S]*2_second: applied with checksum [0-9a-f]{64}, the file now has [0-9a-f]{64}/,
    );
    expect(await tableExists(url, "c")).toBe(false);
  });

  it("rolls a broken migration back completely, then blocks until it is resolved", async () => {
    const { url } = await emptyDatabase();
    const broken =
      "CREATE TABLE b (x int);\nINSERT INTO b VALUES (1);\nINSERT INTO missing_table VALUES (1);\n";
    const dir = migrationsDir({
      "1_ok": "CREATE TABLE a (x int);\n",
      "2_broken": broken,
      "3_later": "CREATE TABLE c (x int);\n",
    });

    await expect(applyMigrations(url, dir)).rejects.toThrow(
      /Migration 2_broken failed and was rolled back: relation "missing_table" does not exist/,
    );
    expect(await tableExists(url, "a")).toBe(true);
    expect(await tableExists(url, "b")).toBe(false);
    expect(await tableExists(url, "c")).toBe(false);
    const [ok, failed] = await records(url);
    expect(ok).toMatchObject({ migration_name: "1_ok", applied_steps_count: 1 });
    expect(failed).toMatchObject({
      migration_name: "2_broken",
      finished_at: null,
      rolled_back_at: null,
      applied_steps_count: 0,
    });
    expect(failed?.logs).toContain('relation "missing_table" does not exist');

    writeMigration(dir, "2_broken", "CREATE TABLE b (x int);\n");
    await expect(applyMigrations(url, dir)).rejects.toThrow(
      /Found failed migrations[\s\S]*`2_broken` migration started at .* failed with the following logs:\n.*missing_table[\s\S]*--rolled-back 2_broken/,
    );
    expect(await tableExists(url, "b")).toBe(false);

    await withClient(url, (client) =>
      client.query("UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '2_broken'"),
    );
    expect(await applyMigrations(url, dir)).toEqual(["2_broken", "3_later"]);
    expect(await tableExists(url, "c")).toBe(true);
  });

  it("refuses a non-empty database that has no migrations table", async () => {
    const { url } = await emptyDatabase();
    await withClient(url, (client) => client.query("CREATE TABLE stray (x int)"));
    await expect(applyMigrations(url)).rejects.toThrow(/is not empty but has no _prisma_migrations table/);
  });

  it("lets two concurrent runners apply each migration exactly once", async () => {
    const { url, embedded } = await emptyDatabase();
    const dir = migrationsDir({
      "1_slow": "CREATE TABLE a (x int);\nSELECT pg_sleep(0.5);\n",
      "2_next": "CREATE TABLE b (x int);\n",
      "3_last": "INSERT INTO a VALUES (1);\n",
    });

    const runs = await Promise.allSettled([applyMigrations(url, dir), applyMigrations(url, dir)]);
    const applied = runs.flatMap((run) => (run.status === "fulfilled" ? run.value : []));
    if (embedded) {
      // The embedded server usually turns a second connection away. When it lets one in,
      // both share PGlite's one session (where the advisory lock is re-entrant), and only
      // the runner's checks inside each transaction keep a migration from applying twice.
      for (const run of runs)
        if (run.status === "rejected") expect(String(run.reason)).toMatch(/Connection terminated|ECONNRESET/);
    } else {
      expect(runs.map((run) => run.status)).toEqual(["fulfilled", "fulfilled"]);
    }
    expect(applied.sort()).toEqual(["1_slow", "2_next", "3_last"]);
    expect((await records(url)).map((r) => r.migration_name)).toEqual(["1_slow", "2_next", "3_last"]);
    const count = await withClient(url, (client) =>
      client.query<{ n: number }>("SELECT count(*)::int AS n FROM a"),
    );
    expect(count.rows[0]?.n).toBe(1);
  });
});
