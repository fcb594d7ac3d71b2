import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyMigrations, defaultMigrationsDir, listMigrations } from "@/lib/db/migrate";
import { schemaDrift, diffShapes } from "@/tests/helpers/schema-drift";
import { constraintName, expectedShape } from "@/tests/helpers/schema-shape";
import { createTestDatabase, testPool, withClient } from "@/tests/helpers/test-database";

const schema = readFileSync(path.join(process.cwd(), "prisma/schema.prisma"), "utf8");

function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`edit: ${JSON.stringify(from)} not found`);
  return text.replace(from, to);
}

/** The drift of the repository's migrations, with `change` applied to the init one, against `schemaText`. */
async function driftWithEditedMigration(
  change: (sql: string) => string,
  schemaText = schema,
): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "latchkey-drift-"));
  const database = await createTestDatabase();
  try {
    cpSync(defaultMigrationsDir(), dir, { recursive: true });
    // The init migration holds the tables these edits touch; later migrations add others.
    const init = listMigrations(dir).at(0);
    if (!init) throw new Error("no migrations");
    const file = path.join(dir, init.name, "migration.sql");
    writeFileSync(file, change(readFileSync(file, "utf8")));
    await applyMigrations(database.url, dir);
    return await withClient(database.url, (client) => schemaDrift(schemaText, client));
  } finally {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("prisma/migrations build exactly prisma/schema.prisma", () => {
  it("has every table, column, type, default, key, index and relation of the schema, and nothing else", async () => {
    const drift = await schemaDrift(schema, await testPool());
    expect(drift, `The migrations and schema.prisma differ:\n${drift.join("\n")}`).toEqual([]);
  });

  it("reports a field added to schema.prisma without a migration", async () => {
    const changed = edit(
      schema,
      "  name          String?\n",
      "  name          String?\n  nickname      String?\n",
    );
    expect(await schemaDrift(changed, await testPool())).toEqual([
      'column "User"."nickname": in schema.prisma, missing from the database',
    ]);
  });

  it.each([
    {
      change: (sql: string) => edit(sql, '"name" TEXT,', '"name" TEXT NOT NULL,'),
      drift: ['column "User"."name": NOT NULL in the database, schema.prisma expects nullable'],
    },
    {
      change: (sql: string) => edit(sql, 'CREATE INDEX "Session_userId_idx" ON "Session"("userId");', ""),
      drift: [
        'index "Session_userId_idx" ON "Session" USING btree (userId): in schema.prisma, missing from the database',
      ],
    },
    {
      change: (sql: string) =>
        edit(sql, 'REFERENCES "User"("id") ON DELETE CASCADE', 'REFERENCES "User"("id") ON DELETE RESTRICT'),
      drift: [
        'foreign key "Account_userId_fkey" "Account" (userId) REFERENCES "User" (id) ON DELETE RESTRICT ON UPDATE CASCADE ' +
          'in the database, schema.prisma expects "Account_userId_fkey" "Account" (userId) REFERENCES "User" (id) ON DELETE CASCADE ON UPDATE CASCADE',
      ],
    },
    {
      change: (sql: string) =>
        edit(sql, '"remember" BOOLEAN NOT NULL DEFAULT false,', '"remember" INTEGER NOT NULL DEFAULT 0,') +
        'CREATE TABLE "Extra" ("id" TEXT NOT NULL);\n',
      drift: [
        'table "Extra": in the database, not in schema.prisma',
        'column "Session"."remember": type is integer in the database, schema.prisma expects boolean',
        'column "Session"."remember": default is 0 in the database, schema.prisma expects false',
      ],
    },
  ])("reports a migration that differs from the schema: $drift.0", async ({ change, drift }) => {
    expect(await driftWithEditedMigration(change)).toEqual(drift);
  });
});

describe("the schema comparator", () => {
  it("names each difference between two schema texts", () => {
    const mismatched = edit(
      edit(
        edit(schema, "  email         String    @unique\n", "  email         Int\n"),
        "onDelete: Cascade)\n\n  @@unique([provider, providerAccountId])",
        "onDelete: NoAction)\n\n  @@unique([provider, providerAccountId])",
      ),
      "  @@unique([identifier, token])\n",
      '  @@unique([identifier, token])\n  @@map("verification_tokens")\n',
    );
    expect(diffShapes(expectedShape(mismatched), expectedShape(schema))).toEqual([
      'table "verification_tokens": in schema.prisma, missing from the database',
      'table "VerificationToken": in the database, not in schema.prisma',
      'column "User"."email": type is text in the database, schema.prisma expects integer',
      'index "verification_tokens_identifier_token_key" UNIQUE ON "verification_tokens" USING btree (identifier, token): in schema.prisma, missing from the database',
      'index "User_email_key" UNIQUE ON "User" USING btree (email): in the database, not in schema.prisma',
      'index "VerificationToken_identifier_token_key" UNIQUE ON "VerificationToken" USING btree (identifier, token): in the database, not in schema.prisma',
      'foreign key "Account_userId_fkey" "Account" (userId) REFERENCES "User" (id) ON DELETE CASCADE ON UPDATE CASCADE ' +
        'in the database, schema.prisma expects "Account_userId_fkey" "Account" (userId) REFERENCES "User" (id) ON DELETE NO ACTION ON UPDATE CASCADE',
    ]);
  });

  it("rejects an invalid schema with Prisma's own validation message", () => {
    expect(() => expectedShape("model X {\n  id Int @id\n  y Strin\n}\n")).toThrow(
      /Type "Strin" is neither a built-in type/,
    );
  });

  it("truncates default constraint names to 63 bytes as Prisma does", () => {
    const name = constraintName("t".repeat(40), ["column_one", "column_two"], "_key");
    expect(name).toBe(`${"t".repeat(40)}_column_one_column_`.slice(0, 59) + "_key");
    expect(Buffer.byteLength(name)).toBe(63);
  });
});
