// The account a sign-in reads through the pool (lib/users.ts), against what Prisma reads of the
// same row. A process whose clock is not on UTC must still get the stored instants.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const previousTimeZone = vi.hoisted(() => {
  const previous = process.env.TZ;
  process.env.TZ = "America/New_York";
  return previous;
});
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
import { db } from "@/lib/db";
import { createUser, findSignInAccountById, findUserForSignIn } from "@/lib/users";

const verifiedAt = new Date("2026-03-08T06:30:00.123Z"); // a night the clocks change there
const disabledAt = new Date("2026-11-01T05:45:10.987Z");
let id = "";

beforeAll(async () => {
  ({ id } = await createUser({ name: "Grace", email: "grace@example.com", passwordHash: "$2b$04$x" }));
  await db.user.update({ where: { id }, data: { emailVerified: verifiedAt, locale: "ar" } });
});
afterAll(() => {
  if (previousTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = previousTimeZone;
});

describe("the account a sign-in reads", () => {
  it("holds the same values as Prisma's read of the row, instants included", async () => {
    const stored = await db.user.findUniqueOrThrow({ where: { id } });
    expect(new Date().getTimezoneOffset()).not.toBe(0);
    expect(await findUserForSignIn("grace@example.com")).toEqual({
      id,
      name: "Grace",
      email: "grace@example.com",
      passwordHash: "$2b$04$x",
      disabledAt: null,
      credentialVersion: stored.credentialVersion,
      emailVerified: verifiedAt,
      locale: "ar",
      twoFactor: false,
      signedInBefore: false,
    });
    expect(stored.emailVerified).toEqual(verifiedAt);
  });

  it("says whether the account signed in before and has a second factor on", async () => {
    await db.securityEvent.create({ data: { kind: "sign-in.succeeded", userId: id, actorType: "user" } });
    await db.totpCredential.create({ data: { userId: id, secret: "x", enabledAt: new Date() } });
    expect(await findSignInAccountById(id)).toMatchObject({ twoFactor: true, signedInBefore: true });
  });

  it("finds a disabled account by its email, with the instant, and never by its id", async () => {
    await db.user.update({ where: { id }, data: { disabledAt } });
    expect((await findUserForSignIn("grace@example.com"))?.disabledAt).toEqual(disabledAt);
    expect(await findSignInAccountById(id)).toBeNull();
    expect(await findUserForSignIn("nobody@example.com")).toBeNull();
  });
});
