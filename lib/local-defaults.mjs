// Imported by next.config.mjs, so it runs in the server process before any request:
// the edge middleware reads AUTH_SECRET from the environment and cannot read files.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A local run (no DATABASE_URL, so the embedded database and never a deployment) needs
 * no configuration: without AUTH_SECRET it uses a strong secret kept in
 * DATA_DIR/auth-secret, generated on the first run, and it trusts the Host header
 * (there is no proxy). A deployment sets both itself; lib/env.ts says so at start.
 */
export function applyLocalDefaults(dataDir = ".data") {
  if (process.env.DATABASE_URL) return;
  if (!process.env.AUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
  if (process.env.AUTH_SECRET) return;
  const file = path.resolve(dataDir, "auth-secret");
  let secret;
  try {
    secret = readFileSync(file, "utf8").trim();
  } catch {
    secret = randomBytes(32).toString("base64url");
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
      console.log(`[latchkey] AUTH_SECRET is not set: generated one into ${file} for local use.`);
    } catch (error) {
      if (error.code !== "EEXIST") return; // read-only filesystem: lib/db/connection.ts reports it
      secret = readFileSync(file, "utf8").trim();
    }
  }
  process.env.AUTH_SECRET = secret;
}
