import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations, listMigrations } from "@/lib/db/migrate";
import { PrismaClient } from "@/lib/generated/prisma/client";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "latchkey-embedded-"));
  folders.push(folder);
  return folder;
}

// As lib/db.ts builds it in embedded mode: PrismaPg over a pool of one connection.
function prismaOver(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** Tries to start the embedded database on `dataDir` from another process. */
function startInChildProcess(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const script = path.join(tempFolder(), "start.mts");
  const embedded = path.join(process.cwd(), "lib/db/embedded.ts");
  writeFileSync(
    script,
    `import { startEmbeddedPostgres } from ${JSON.stringify(embedded)};\n` +
      "const db = await startEmbeddedPostgres(process.argv[2]);\nawait db.stop();\n",
  );
  const tsx = createRequire(import.meta.url).resolve("tsx/cli");
  const child = spawn(process.execPath, [tsx, script, dataDir], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

class Rollback extends Error {}

describe("the embedded database", () => {
  it("serves 50 concurrent Prisma operations through one connection, and keeps its data across restarts", async () => {
    const dataDir = path.join(tempFolder(), "pglite");
    const first = await startEmbeddedPostgres(dataDir);
    expect(await applyMigrations(first.url)).toEqual(listMigrations().map((m) => m.name));

    const { prisma, close } = prismaOver(first.url);
    const owner = await prisma.user.create({ data: { email: "owner@example.com" } });
    const counter = await prisma.user.create({ data: { email: "counter@example.com" } });

    // Read-modify-write in interactive transactions: lost updates would show in the count.
    const increments = Array.from({ length: 20 }, () =>
      prisma.$transaction(async (tx) => {
        const { credentialVersion } = await tx.user.findUniqueOrThrow({ where: { id: counter.id } });
        await tx.user.update({
          where: { id: counter.id },
          data: { credentialVersion: credentialVersion + 1 },
        });
      }),
    );
    const creates = Array.from({ length: 15 }, (_, i) =>
      prisma.user.create({ data: { email: `user${i}@example.com` } }),
    );
    const rolledBack = Array.from({ length: 5 }, (_, i) =>
      prisma.$transaction(async (tx) => {
        const user = await tx.user.create({ data: { email: `ghost${i}@example.com` } });
        await tx.session.create({
          data: { secretDigest: `ghost${i}`, userId: user.id, expires: new Date() },
        });
        throw new Rollback(`rollback ${i}`);
      }),
    );
    const reads = Array.from({ length: 10 }, () =>
      prisma.user.findUnique({ where: { email: "owner@example.com" } }),
    );

    const results = await Promise.allSettled([...increments, ...creates, ...rolledBack, ...reads]);
    expect(results).toHaveLength(50);
    const failures = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(failures).toHaveLength(5);
    for (const failure of failures) expect(failure).toBeInstanceOf(Rollback);
    for (const read of await Promise.all(reads)) expect(read?.id).toBe(owner.id);

    const expected = { counter: 20, users: 17, sessions: 0 };
    const snapshot = async (client: PrismaClient) => ({
      counter: (await client.user.findUniqueOrThrow({ where: { id: counter.id } })).credentialVersion,
      users: await client.user.count(),
      sessions: await client.session.count(),
    });
    expect(await snapshot(prisma)).toEqual(expected);
    await close();
    await first.stop();

    const second = await startEmbeddedPostgres(dataDir);
    try {
      expect(await applyMigrations(second.url)).toEqual([]);
      const reopened = prismaOver(second.url);
      expect(await snapshot(reopened.prisma)).toEqual(expected);
      await reopened.close();
    } finally {
      await second.stop();
    }
  });

  it("refuses a second process on the same folder while the first runs, and allows it after", async () => {
    const dataDir = path.join(tempFolder(), "pglite");
    const first = await startEmbeddedPostgres(dataDir);
    let refused: { code: number | null; stderr: string };
    try {
      refused = await startInChildProcess(dataDir);
    } finally {
      await first.stop();
    }
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(
      `The embedded database in ${dataDir} is in use by process ${process.pid}.`,
    );

    const after = await startInChildProcess(dataDir);
    expect(after, after.stderr).toEqual({ code: 0, stderr: "" });
  });
});
