import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MailMessage } from "@/lib/mail/send";

const sent = vi.hoisted(() => [] as MailMessage[]);
vi.mock("@/lib/mail/outbox", async () => (await import("@/tests/helpers/outbox-spy")).recordMailInto(sent));

const { deleteAccount } = await import("@/lib/account/delete-account");
const { openSession } = await import("@/tests/helpers/sessions");
const { hashPassword } = await import("@/lib/auth/password");
const { issueToken } = await import("@/lib/auth/tokens");
const { beginPendingSignIn } = await import("@/lib/auth/pending-sign-in");
const { db } = await import("@/lib/db");
const { createUser } = await import("@/lib/users");

const context = { at: new Date("2026-11-21T10:00:00Z"), ip: "203.0.113.9", userAgent: "Firefox/128.0" };
const PASSWORD = "the current password";
let n = 0;

/** Every (table, column) with a foreign key to "User", read from the database itself. */
async function userReferences(): Promise<{ table: string; column: string }[]> {
  return db.$queryRaw<{ table: string; column: string }[]>`
    SELECT kcu.table_name AS "table", kcu.column_name AS "column"
    FROM information_schema.referential_constraints rc
    JOIN information_schema.key_column_usage kcu
      ON kcu.constraint_name = rc.constraint_name AND kcu.constraint_schema = rc.constraint_schema
    JOIN information_schema.key_column_usage pk
      ON pk.constraint_name = rc.unique_constraint_name AND pk.constraint_schema = rc.unique_constraint_schema
    WHERE pk.table_name = 'User' AND kcu.table_schema = current_schema()`;
}

async function rowsReferring(userId: string, email: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, column } of await userReferences()) {
    const [row] = await db.$queryRawUnsafe<{ count: bigint }[]>(
      `SELECT count(*) AS count FROM "${table}" WHERE "${column}" = $1`,
      userId,
    );
    counts[`${table}.${column}`] = Number(row!.count);
  }
  counts["User"] = await db.user.count({ where: { id: userId } });
  counts["VerificationToken"] = await db.verificationToken.count({ where: { identifier: email } });
  return counts;
}

/** A user with a row in every table that can refer to one. */
async function userWithEverything() {
  n += 1;
  const email = `del${n}@example.com`;
  const user = await createUser({ name: `D${n}`, email, passwordHash: await hashPassword(PASSWORD, 4) });
  await openSession(user.id, false, { userAgent: "a", ip: null });
  await openSession(user.id, true, { userAgent: "b", ip: null });
  await db.account.create({
    data: { userId: user.id, type: "oauth", provider: "example", providerAccountId: `acct-${n}` },
  });
  for (const purpose of ["verify-email", "reset-password", "change-email"] as const) {
    await issueToken({ userId: user.id, email, purpose, ttlSeconds: 3600 });
  }
  await db.verificationToken.create({
    data: { identifier: email, token: `vt-${n}`, expires: new Date(Date.now() + 3600_000) },
  });
  await db.totpCredential.create({ data: { userId: user.id, secret: "sealed", enabledAt: new Date() } });
  await db.recoveryCode.create({ data: { userId: user.id, codeDigest: `recovery-${n}` } });
  await db.passkey.create({
    data: {
      userId: user.id,
      credentialId: `credential-${n}`,
      publicKey: Buffer.from("public key"),
      deviceType: "singleDevice",
      name: "Security key",
    },
  });
  await db.accessToken.create({
    data: { userId: user.id, name: "script", tokenDigest: `token-${n}`, hint: "lk_abcd" },
  });
  const proof = { method: "password", factors: ["password"] };
  await beginPendingSignIn(
    { id: user.id, credentialVersion: 0 },
    { proof, remember: false, callbackUrl: "/" },
  );
  return { ...user, email };
}

beforeEach(() => {
  sent.length = 0;
});

describe("deleting the account", () => {
  it("removes the user and every row that refers to it, and nobody else's", async () => {
    const user = await userWithEverything();
    const bystander = await userWithEverything();
    const references = await userReferences();
    expect(references.map((r) => r.table)).toEqual(
      expect.arrayContaining(["Session", "Account", "AuthToken"]),
    );
    const before = await rowsReferring(user.id, user.email);
    for (const [table, count] of Object.entries(before)) expect(count, table).toBeGreaterThan(0);
    const bystanderBefore = await rowsReferring(bystander.id, bystander.email);

    expect(await deleteAccount(user, PASSWORD, context)).toBe("deleted");

    const after = await rowsReferring(user.id, user.email);
    for (const [table, count] of Object.entries(after)) expect(count, table).toBe(0);
    expect(await rowsReferring(bystander.id, bystander.email)).toEqual(bystanderBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: user.email, subject: expect.stringMatching(/deleted/i) });
    expect(sent[0]!.text).toContain("203.0.113.9");
  });

  it("is refused to the last active admin, so the console always keeps one", async () => {
    const admin = await userWithEverything();
    await db.user.update({ where: { id: admin.id }, data: { role: "admin" } });
    const others = await db.user.count({ where: { role: "admin", disabledAt: null, id: { not: admin.id } } });
    expect(others).toBe(0);
    expect(await deleteAccount(admin, PASSWORD, context)).toBe("last-admin");
    expect(await db.user.count({ where: { id: admin.id } })).toBe(1);
    const second = await userWithEverything();
    await db.user.update({ where: { id: second.id }, data: { role: "admin" } });
    expect(await deleteAccount(admin, PASSWORD, context)).toBe("deleted");
    await db.user.update({ where: { id: second.id }, data: { role: "user" } });
  });

  it("a wrong current password deletes nothing", async () => {
    const user = await userWithEverything();
    const before = await rowsReferring(user.id, user.email);
    expect(await deleteAccount(user, "not my password", context)).toEqual({ refused: "wrong-password" });
    expect(await rowsReferring(user.id, user.email)).toEqual(before);
    expect(sent).toHaveLength(0);
  });

  it("is all or nothing: a failure inside the transaction leaves every row in place", async () => {
    const user = await userWithEverything();
    const before = await rowsReferring(user.id, user.email);
    const { deleteUser } = await import("@/lib/users");
    // A foreign key without ON DELETE CASCADE makes the user's DELETE fail after the
    // verification tokens were deleted in the same transaction.
    await db.$executeRawUnsafe(`CREATE TABLE "Blocker" ("userId" TEXT REFERENCES "User"("id"))`);
    try {
      await db.$executeRawUnsafe(`INSERT INTO "Blocker" VALUES ($1)`, user.id);
      await expect(deleteUser(user.id, user.email)).rejects.toThrow();
      const after = await rowsReferring(user.id, user.email);
      expect(after).toEqual({ ...before, "Blocker.userId": 1 });
    } finally {
      await db.$executeRawUnsafe(`DROP TABLE "Blocker"`);
    }
  });
});
