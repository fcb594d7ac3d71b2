import { request, type ClientRequest, type IncomingMessage } from "node:http";
import { connect } from "node:net";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fileDatabase } from "@/tests/helpers/test-database";
import { confirmedUser } from "@/tests/helpers/users";
import {
  ensureProductionBuild,
  freePort,
  startProductionServer,
  type RunningServer,
} from "@/tests/helpers/production-server";

const PASSWORD = "graceful stop passphrase 42";
const dataDir = mkdtempSync(path.join(tmpdir(), "latchkey-graceful-"));
let server: RunningServer | undefined;

beforeAll(() => ensureProductionBuild(), 15 * 60_000);
afterAll(() => {
  server?.process.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

/** A sign-in POSTed with `Expect: 100-continue`: resolves once the server has the request, body held back. */
async function heldSignIn(url: string, csrf: { token: string; cookie: string }, email: string) {
  const body = new URLSearchParams({
    csrfToken: csrf.token,
    email,
    password: PASSWORD,
    callbackUrl: "/dashboard",
  });
  const req: ClientRequest = request(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": Buffer.byteLength(body.toString()),
      cookie: csrf.cookie,
      expect: "100-continue",
    },
  });
  const answered = once(req, "response").then(([response]) => response as IncomingMessage);
  req.flushHeaders();
  await once(req, "continue"); // the server has parsed the headers: the request is in flight
  return {
    finish() {
      req.end(body.toString());
      return answered;
    },
  };
}

const refusesConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(true));
  });

it("on SIGTERM refuses new connections, finishes every request in flight with its answer, and exits 0", async () => {
  const users = await Promise.all(
    [1, 2, 3].map((n) =>
      confirmedUser({ name: `Stopper ${n}`, email: `stopper${n}@example.com`, password: PASSWORD }),
    ),
  );
  const database = fileDatabase();
  const port = await freePort();
  server = await startProductionServer({
    PORT: String(port),
    AUTH_URL: `http://localhost:${port}`,
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: database.embedded ? "1" : "5",
    DATA_DIR: dataDir,
    AUTH_SECRET: "graceful-stop-test-secret-0123456789abcdef",
    EMAIL_SERVER: "smtp://127.0.0.1:9",
    BCRYPT_COST: "10",
    // Finishing is under test, not how fast: a loaded machine must not reach the grace period.
    SHUTDOWN_GRACE_SECONDS: "300",
  });
  const { url } = server;
  const csrfResponse = await fetch(`${url}/api/auth/csrf`);
  const csrf = {
    token: ((await csrfResponse.json()) as { csrfToken: string }).csrfToken,
    cookie: csrfResponse.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0])
      .join("; "),
  };
  const held = await Promise.all(users.map((user) => heldSignIn(url, csrf, user.email)));

  server.process.kill("SIGTERM");
  while (!/SIGTERM: finishing 3 request\(s\)/.test(server.output()))
    await once(server.process.stdout!, "data");
  expect(await refusesConnections(port)).toBe(true);

  const responses = await Promise.all(held.map((request) => request.finish()));
  for (const response of responses) {
    expect(response.statusCode).toBe(302);
    expect(new URL(response.headers.location!, url).pathname).toBe("/dashboard");
    expect(response.headers["set-cookie"]?.some((cookie) => cookie.startsWith("authjs.session-token="))).toBe(
      true,
    );
    response.resume();
  }
  expect(await server.exited).toBe(0);
  expect(server.output()).toContain("finishing 3 request(s), then stopping (at most 300 s)");
  expect(server.output()).not.toMatch(/cutting them off/);
});
