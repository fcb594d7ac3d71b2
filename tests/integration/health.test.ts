import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });

const dataDir = mkdtempSync(path.join(tmpdir(), "latchkey-health-"));
let postgres: EmbeddedPostgres | undefined;

afterAll(async () => {
  await postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it("answers 503 while migrations are pending or PostgreSQL is down, and 200 again once it is back, without a restart", async () => {
  const port = await freePort();
  postgres = await startEmbeddedPostgres(dataDir, port);
  // The app under test talks to this server, not to the file's own database.
  process.env.DATABASE_URL = postgres.url;
  const { GET } = await import("@/app/api/health/route");

  const unmigrated = await GET();
  expect(unmigrated.status).toBe(503);
  expect(await unmigrated.json()).toEqual({
    status: "error",
    reason: "migrations pending: run `npm run db:migrate`",
  });
  await applyMigrations(postgres.url);

  const up = await GET();
  expect(up.status).toBe(200);
  expect(await up.json()).toEqual({ status: "ok" });
  expect(up.headers.get("cache-control")).toBe("no-store");

  await postgres.stop();
  postgres = undefined;
  const down = await GET();
  expect(down.status).toBe(503);
  expect(await down.json()).toEqual({ status: "error", reason: "database unavailable" });

  postgres = await startEmbeddedPostgres(dataDir, port);
  const back = await GET();
  expect(back.status).toBe(200);
  expect(await back.json()).toEqual({ status: "ok" });
});
