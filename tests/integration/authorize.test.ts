import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
import { authorizeCredentials } from "@/lib/auth/authorize";
import { EmailNotVerifiedError } from "@/lib/auth/sign-in-errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { validateSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users";

const password = "correct horse battery staple";
const request = (headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: { "user-agent": "vitest", "x-latchkey-client-ip": "203.0.113.7", ...headers },
  });

/** A confirmed account (AUTH_REQUIRE_VERIFIED_EMAIL is on by default). */
async function createVerifiedUser(data: { name: string; email: string; passwordHash: string }) {
  const user = await createUser(data);
  await db.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
  return user;
}

beforeAll(async () => {
  await createVerifiedUser({
    name: "Ada",
    email: "ada@example.com",
    passwordHash: await hashPassword(password),
  });
});

describe("authorizeCredentials", () => {
  it("signs in with the right password, whatever the email's case and spacing, and opens a session", async () => {
    const user = await authorizeCredentials({ email: "  ADA@example.com ", password }, request());
    expect(user).toMatchObject({ name: "Ada", email: "ada@example.com" });
    expect(user?.sessionSecret).toMatch(/^[\w-]{43}$/);
    const session = await validateSession(user!.sessionSecret!);
    expect(session?.userId).toBe(user?.id);
    const row = await db.session.findUniqueOrThrow({ where: { id: session!.sessionId } });
    expect(row).toMatchObject({ userAgent: "vitest", ip: "203.0.113.7", remember: false });
    // Only a digest of the secret is stored.
    expect(row.secretDigest).not.toBe(user!.sessionSecret);
  });

  it("refuses a wrong password and an unknown email alike", async () => {
    expect(
      await authorizeCredentials({ email: "ada@example.com", password: password + "!" }, request()),
    ).toBeNull();
    expect(await authorizeCredentials({ email: "nobody@example.com", password }, request())).toBeNull();
  });

  it("refuses oversized and malformed input before any hashing", async () => {
    const huge = "x".repeat(1 << 20);
    expect(await authorizeCredentials({ email: "ada@example.com", password: huge }, request())).toBeNull();
    expect(await authorizeCredentials({ email: `${huge}@example.com`, password }, request())).toBeNull();
    expect(await authorizeCredentials({ email: ["ada@example.com"], password }, request())).toBeNull();
    expect(await authorizeCredentials(null, request())).toBeNull();
  });

  it("refuses a disabled user", async () => {
    const hash = await hashPassword(password);
    const user = await createUser({ name: "Off", email: "off@example.com", passwordHash: hash });
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await authorizeCredentials({ email: "off@example.com", password }, request())).toBeNull();
  });

  it("an unconfirmed account: right password, no session but a fresh link at most once a minute", async () => {
    const user = await createUser({
      name: "New",
      email: "new@example.com",
      passwordHash: await hashPassword(password),
    });
    const signIn = () => authorizeCredentials({ email: "new@example.com", password }, request());
    await expect(signIn()).rejects.toBeInstanceOf(EmailNotVerifiedError);
    const tokens = () => db.authToken.findMany({ where: { userId: user.id, purpose: "verify-email" } });
    const [first] = await tokens();
    expect(first).toBeDefined();
    await expect(signIn()).rejects.toBeInstanceOf(EmailNotVerifiedError);
    expect((await tokens()).map((token) => token.id)).toEqual([first?.id]);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    // A wrong password tells nothing about the account's state.
    expect(
      await authorizeCredentials({ email: "new@example.com", password: `${password}!` }, request()),
    ).toBeNull();
  });

  it("gives every sign-in a new session secret", async () => {
    const first = await authorizeCredentials({ email: "ada@example.com", password }, request());
    const second = await authorizeCredentials({ email: "ada@example.com", password }, request());
    expect(first?.sessionSecret).not.toBe(second?.sessionSecret);
  });

  it("upgrades a hash made at a lower cost on the next successful sign-in", async () => {
    const user = await createVerifiedUser({
      name: "Old",
      email: "old@example.com",
      passwordHash: await hashPassword(password, 4),
    });
    expect(await authorizeCredentials({ email: "old@example.com", password }, request())).not.toBeNull();
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(passwordHash).not.toMatch(/^\$2b\$04\$/);
    expect(await verifyPassword(password, passwordHash!)).toBe(true);
  });
});
