import { beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/authorize";
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

beforeAll(async () => {
  await createUser({ name: "Ada", email: "ada@example.com", passwordHash: await hashPassword(password) });
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
    expect(row.sessionToken).not.toBe(user!.sessionSecret);
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

  it("gives every sign-in a new session secret", async () => {
    const first = await authorizeCredentials({ email: "ada@example.com", password }, request());
    const second = await authorizeCredentials({ email: "ada@example.com", password }, request());
    expect(first?.sessionSecret).not.toBe(second?.sessionSecret);
  });

  it("upgrades a hash made at a lower cost on the next successful sign-in", async () => {
    const user = await createUser({
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
