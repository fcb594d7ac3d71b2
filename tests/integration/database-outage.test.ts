import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { createOwnPostgres, type OwnPostgres } from "@/tests/helpers/own-postgres";
import {
  ensureProductionBuild,
  freePort,
  startProductionServer,
  type RunningServer,
} from "@/tests/helpers/production-server";

// The database behind a running production server goes away and comes back: a PostgreSQL
// cluster of this test's own with TEST_DATABASE_URL (as the other tests use the real server
// then), else the embedded PGlite served on a port; the server is never restarted.

const AUTH_SECRET = "database-outage-test-secret-0123456789abcdef";
const SESSION_COOKIE = "authjs.session-token";
const folder = mkdtempSync(path.join(tmpdir(), "latchkey-outage-"));

type Stoppable = { url: string; stop(): Promise<void>; start(): Promise<void>; remove(): Promise<void> };

async function stoppableDatabase(): Promise<Stoppable> {
  const port = await freePort();
  if (process.env.TEST_DATABASE_URL) {
    const cluster: OwnPostgres = createOwnPostgres(port);
    return {
      url: cluster.url,
      stop: async () => cluster.stop(),
      start: async () => cluster.start(),
      remove: async () => cluster.remove(),
    };
  }
  const dataDir = path.join(folder, "pglite");
  let embedded: EmbeddedPostgres | undefined = await startEmbeddedPostgres(dataDir, port);
  const url = embedded.url;
  return {
    url,
    async stop() {
      await embedded?.stop();
      embedded = undefined;
    },
    async start() {
      embedded = await startEmbeddedPostgres(dataDir, port);
    },
    remove: async () => {
      await embedded?.stop();
    },
  };
}

let database: Stoppable | undefined;
let server: RunningServer | undefined;
let cookie = "";
let bearer = "";

beforeAll(async () => {
  await ensureProductionBuild();
  database = await stoppableDatabase();
  await applyMigrations(database.url);
  // The app's modules, in this process, on the stoppable database: to make an account, a session
  // and a personal access token as the app does.
  process.env.DATABASE_URL = database.url;
  const { confirmedUser } = await import("@/tests/helpers/users");
  const { openSession } = await import("@/tests/helpers/sessions");
  const { createAccessToken } = await import("@/lib/access-tokens/tokens");
  const { encode } = await import("next-auth/jwt");
  const user = await confirmedUser({
    name: "Out Age",
    email: "outage@example.com",
    password: "outage passphrase 42",
  });
  const secret = await openSession(user.id);
  const jwt = await encode({
    token: { sub: user.id, sessionSecret: secret },
    secret: AUTH_SECRET,
    salt: SESSION_COOKIE,
  });
  cookie = `${SESSION_COOKIE}=${jwt}`;
  const token = await createAccessToken(user.id, { name: "outage", days: null });
  if (token === "too-many") throw new Error("no token");
  bearer = token.secret;
  const { database: appDatabase } = await import("@/lib/db/connection");
  await (await appDatabase()).pool.end();
  (globalThis as { latchkeyDatabase?: unknown }).latchkeyDatabase = undefined;

  const port = await freePort();
  server = await startProductionServer({
    PORT: String(port),
    AUTH_URL: `http://localhost:${port}`,
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: process.env.TEST_DATABASE_URL ? "5" : "1",
    DATA_DIR: path.join(folder, "data"),
    AUTH_SECRET,
    EMAIL_SERVER: "smtp://127.0.0.1:9",
  });
}, 15 * 60_000);

afterAll(async () => {
  server?.process.kill("SIGKILL");
  await database?.remove();
  rmSync(folder, { recursive: true, force: true });
});

const get = (pathname: string, headers: Record<string, string> = {}) =>
  fetch(`${server!.url}${pathname}`, { headers, redirect: "manual" });

async function expectServing() {
  const me = await get("/api/me", { cookie });
  expect(me.status).toBe(200);
  expect(((await me.json()) as { email: string }).email).toBe("outage@example.com");
  const byToken = await get("/api/me", { authorization: `Bearer ${bearer}` });
  expect(byToken.status).toBe(200);
  expect((await get("/api/health")).status).toBe(200);
  const dashboard = await get("/dashboard", { cookie });
  expect(dashboard.status).toBe(200);
  expect(await dashboard.text()).toContain("Dashboard");
  expect((await get("/login")).status).toBe(200);
}

async function expectUnavailablePage(pathname: string, headers: Record<string, string> = {}) {
  const page = await get(pathname, headers);
  expect(page.status, pathname).toBe(503);
  expect(page.headers.get("content-type")).toContain("text/html");
  const html = await page.text();
  expect(html).toContain("Temporarily unavailable");
  expect(html).toContain('class="site-header"');
  // (The catalogue the page carries for its client components holds those words too.)
  expect(html).not.toMatch(/<h1[^>]*>Something went wrong/);
  expect(page.headers.getSetCookie().filter((c) => c.startsWith(SESSION_COOKIE))).toEqual([]);
}

describe("a database outage", () => {
  it("answers 503 everywhere while the database is down, and serves again once it is back", async () => {
    await expectServing();

    await database!.stop();
    // The first signed-in request after the loss, before anything else noticed it.
    const me = await get("/api/me", { cookie });
    expect(me.status).toBe(503);
    expect(await me.json()).toMatchObject({ error: "temporarily_unavailable" });
    expect(me.headers.getSetCookie()).toEqual([]);

    const health = await get("/api/health");
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: "error", reason: "database unavailable" });

    const byToken = await get("/api/me", { authorization: `Bearer ${bearer}` });
    expect(byToken.status).toBe(503);
    expect(await byToken.json()).toMatchObject({ error: "temporarily_unavailable" });
    const again = await get("/api/me", { cookie });
    expect(again.status).toBe(503);
    expect(again.headers.getSetCookie()).toEqual([]);

    for (const pathname of ["/dashboard", "/settings", "/"])
      await expectUnavailablePage(pathname, { cookie });
    for (const pathname of ["/login", "/register", "/forgot-password"]) await expectUnavailablePage(pathname);
    // Never a page of its own while the database serves (server.mjs alone sends people there).
    await database!.start();
    expect((await get("/temporarily-unavailable")).status).toBe(404);
    await expectServing();
  });
});
