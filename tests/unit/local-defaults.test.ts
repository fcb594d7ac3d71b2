import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { applyLocalDefaults } from "@/lib/local-defaults.mjs";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "latchkey-defaults-"));
  vi.stubEnv("AUTH_SECRET", "");
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("AUTH_URL", "");
  delete process.env.AUTH_SECRET;
  delete process.env.DATABASE_URL;
  delete process.env.AUTH_URL;
  delete process.env.AUTH_TRUST_HOST;
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe("applyLocalDefaults", () => {
  it("generates a strong secret into the data folder once, readable only by its owner, and reuses it", () => {
    applyLocalDefaults(dir);
    const secret = process.env.AUTH_SECRET;
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(readFileSync(path.join(dir, "auth-secret"), "utf8").trim()).toBe(secret);
    expect(statSync(path.join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
    expect(console.log).toHaveBeenCalledWith(expect.stringContaining("generated one"));

    delete process.env.AUTH_SECRET;
    applyLocalDefaults(dir);
    expect(process.env.AUTH_SECRET).toBe(secret);
    expect(process.env.AUTH_TRUST_HOST).toBe("true");
  });

  it("leaves a deployment (DATABASE_URL set) alone", () => {
    process.env.DATABASE_URL = "postgresql://db/app";
    applyLocalDefaults(dir);
    expect(process.env.AUTH_SECRET).toBeUndefined();
    expect(process.env.AUTH_TRUST_HOST).toBeUndefined();
  });

  it("never replaces a secret that is set", () => {
    process.env.AUTH_SECRET = "x".repeat(40);
    applyLocalDefaults(dir);
    expect(process.env.AUTH_SECRET).toBe("x".repeat(40));
  });
});
