import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  delete (globalThis as { latchkeyDatabase?: unknown }).latchkeyDatabase;
});

async function openDatabase(env: Record<string, string>) {
  vi.stubEnv("DATABASE_URL", "");
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  const { database } = await import("@/lib/db/connection");
  return database();
}

describe("without DATABASE_URL", () => {
  it("refuses to start on a read-only filesystem, saying exactly what to set", async () => {
    // sysfs refuses new folders even to root, as a read-only mount would.
    await expect(openDatabase({ DATA_DIR: "/sys/latchkey-read-only" })).rejects.toThrow(
      /DATABASE_URL is not set and \/sys\/latchkey-read-only is not writable.*Set DATABASE_URL to a PostgreSQL connection string/s,
    );
  });

  it("refuses to start on Vercel", async () => {
    await expect(openDatabase({ VERCEL: "1" })).rejects.toThrow(
      /embedded database cannot run on Vercel. Set DATABASE_URL/,
    );
  });
});
