// `npm run create-admin`: the first admin from the command line, in-process and as the command.
import { execFile } from "node:child_process";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
});

const { createAdmin } = await import("@/lib/admin/create-admin");
const { verifyPassword } = await import("@/lib/auth/password");
const { db } = await import("@/lib/db");
const { confirmedUser } = await import("@/tests/helpers/users");
const { fileDatabase } = await import("@/tests/helpers/test-database");

const PASSWORD = "correct horse battery staple orbit";
let n = 0;
const address = () => `operator${(n += 1)}@example.com`;

describe("createAdmin", () => {
  it("creates a confirmed admin account with a password under the policy, and logs it", async () => {
    const email = address();
    expect(await createAdmin(email, PASSWORD, PASSWORD)).toEqual({ outcome: "created", email });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ role: "admin", emailVerified: expect.any(Date) });
    expect(await verifyPassword(PASSWORD, user.passwordHash!)).toBe(true);
    const events = await db.securityEvent.findMany({ where: { userId: user.id }, orderBy: { at: "asc" } });
    expect(events.map((event) => [event.kind, event.actorType])).toEqual([
      ["account.created", "system"],
      ["role.changed", "system"],
    ]);
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });

  it("refuses a weak password, a mismatch and a bad email, creating nothing", async () => {
    const email = address();
    expect(await createAdmin(email, "short")).toMatchObject({ outcome: "refused", message: /at least 15/ });
    expect(await createAdmin(email, "password password password")).toMatchObject({ outcome: "refused" });
    expect(await createAdmin(email, PASSWORD, `${PASSWORD}!`)).toEqual({
      outcome: "refused",
      message: "The passwords do not match.",
    });
    expect(await createAdmin("not an email", PASSWORD)).toMatchObject({
      outcome: "refused",
      message: /valid email/,
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("promotes an existing account only with its own password", async () => {
    const email = address();
    const user = await confirmedUser({ name: "Op", email, password: PASSWORD });
    expect(await createAdmin(email, "someone else's password here")).toMatchObject({ outcome: "refused" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("user");
    expect(await createAdmin(` ${email.toUpperCase()} `, PASSWORD)).toEqual({ outcome: "promoted", email });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("admin");
    expect(await createAdmin(email, PASSWORD)).toEqual({ outcome: "already-admin", email });
    await db.user.update({ where: { id: user.id }, data: { role: "user", disabledAt: new Date() } });
    expect(await createAdmin(email, PASSWORD)).toMatchObject({ outcome: "refused", message: /locked/ });
  });
});

/** Runs the command as `npm run create-admin -- --email …` does, with `input` piped in. */
function run(args: string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [
        "--import",
        "tsx",
        "--import",
        "./scripts/without-server-only.mjs",
        "scripts/create-admin.ts",
        ...args,
      ],
      { env: { ...process.env, DATABASE_URL: fileDatabase().url, DATABASE_POOL_MAX: "1" } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

// A second process on the in-memory test database would share its one connection.
describe.skipIf(fileDatabase().embedded)("npm run create-admin, with the password piped in", () => {
  it("creates the account and exits 0; says why and exits 1 otherwise", async () => {
    const email = address();
    expect(await run(["--email", email], `${PASSWORD}\n`)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(`${email} created`),
    });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).role).toBe("admin");
    const weak = await run(["--email", address()], "short\n");
    expect(weak).toMatchObject({ code: 1, stderr: expect.stringMatching(/^create-admin: Use at least 15/) });
    const mismatch = await run(["--email", address()], `${PASSWORD}\nanother one\n`);
    expect(mismatch).toMatchObject({ code: 1, stderr: "create-admin: The passwords do not match.\n" });
    expect(await run(["--email", "nope"], `${PASSWORD}\n`)).toMatchObject({ code: 1, stderr: /valid email/ });
    expect(await run([], "")).toMatchObject({ code: 1, stderr: /Usage: npm run create-admin -- --email/ });
    // Nothing typed is ever echoed back.
    for (const result of [weak, mismatch]) expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  }, 60_000);

  it("promotes an existing account", async () => {
    const email = address();
    await confirmedUser({ name: "Op", email, password: PASSWORD });
    expect(await run(["--email", email], `${PASSWORD}\n`)).toMatchObject({
      code: 0,
      stdout: /is now an admin/,
    });
  }, 30_000);
});
