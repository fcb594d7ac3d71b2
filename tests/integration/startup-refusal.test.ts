import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, fileDatabase, type TestDatabase } from "@/tests/helpers/test-database";
import {
  ensureProductionBuild,
  freePort,
  refusedStart,
  startProductionServer,
  type RunningServer,
} from "@/tests/helpers/production-server";

// `npm start` as a deployer runs it, with one thing wrong each time: the server must stop before
// it listens, with one message that says what to do, and no stack trace.

const SECRET = "startup-refusal-test-secret-0123456789abcdef";
let unmigrated: TestDatabase | undefined;
let started: RunningServer | undefined;

beforeAll(async () => {
  await ensureProductionBuild();
  unmigrated = await createTestDatabase();
}, 15 * 60_000);
afterAll(async () => {
  started?.process.kill("SIGKILL");
  await unmigrated?.drop();
});

const deployment = () => ({
  DATABASE_URL: fileDatabase().url,
  DATABASE_POOL_MAX: "1",
  AUTH_SECRET: SECRET,
  EMAIL_SERVER: "smtp://127.0.0.1:9",
});

function expectOneClearRefusal({ code, output }: { code: number | null; output: string }, message: string) {
  expect(code, output).toBe(1);
  expect(output).toContain(message);
  expect(output.match(/Latchkey cannot start/g), output).toHaveLength(1);
  expect(output, "a stack trace").not.toMatch(/^\s+at /m);
  expect(output).not.toContain("ready on");
}

describe("start-up in production", () => {
  it("refuses without AUTH_SECRET, or with one too short, and says how to make one", async () => {
    const { AUTH_SECRET: _unset, ...withoutSecret } = deployment();
    expectOneClearRefusal(
      await refusedStart(withoutSecret),
      "AUTH_SECRET is required in production: generate one with `openssl rand -base64 33`",
    );
    expectOneClearRefusal(
      await refusedStart({ ...deployment(), AUTH_SECRET: "too-short" }),
      "AUTH_SECRET must be at least 32 characters: generate one with `openssl rand -base64 33`",
    );
  });

  it("refuses a database whose migrations are not applied, saying to run npm run db:migrate", async () => {
    expectOneClearRefusal(
      await refusedStart({ ...deployment(), DATABASE_URL: unmigrated!.url }),
      "run `npm run db:migrate`",
    );
  });

  it("refuses without EMAIL_SERVER, unless confirmation by email is switched off on purpose", async () => {
    const { EMAIL_SERVER: _unset, ...withoutMail } = deployment();
    expectOneClearRefusal(await refusedStart(withoutMail), "EMAIL_SERVER is required in production");

    // On purpose: it starts. And warns that an AUTH_URL on this machine's other port cannot be right.
    const port = await freePort();
    started = await startProductionServer({
      ...withoutMail,
      AUTH_REQUIRE_VERIFIED_EMAIL: "false",
      PORT: String(port),
      AUTH_URL: `http://localhost:${port + 1}`,
    });
    const warning = `AUTH_URL is http://localhost:${port + 1} but this server listens on port ${port}`;
    while (!started.output().includes(warning)) await once(started.process.stderr!, "data");
    expect((await fetch(`${started.url}/api/health`)).status).toBe(200);
  });
});
