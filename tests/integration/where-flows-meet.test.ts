// Attacks where two flows meet (issue "Close the gaps where flows meet"): emailed links that
// outlive a change of credentials, sessions that land after a reset, settings as a password
// oracle, parallel password changes, the confirmation-mail flood.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MailMessage } from "@/lib/mail/send";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
});
const hooks = vi.hoisted(() => ({
  sent: [] as MailMessage[],
  /** Runs after a sign-in has checked the password and before it opens the session. */
  afterPasswordCheck: null as null | (() => Promise<void>),
  /** Runs while an email change request looks at the new address, after the password check. */
  duringEmailChange: null as null | (() => Promise<void>),
}));
vi.mock("@/lib/mail/outbox", async () =>
  (await import("@/tests/helpers/outbox-spy")).recordMailInto(hooks.sent),
);
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("@/lib/auth/credentials", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/credentials")>();
  return {
    ...actual,
    verifyAgainst: async (...args: Parameters<typeof actual.verifyAgainst>) => {
      const user = await actual.verifyAgainst(...args);
      await hooks.afterPasswordCheck?.();
      return user;
    },
  };
});

vi.mock("@/lib/users", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/users")>();
  return {
    ...actual,
    isEmailTaken: async (email: string) => {
      await hooks.duringEmailChange?.();
      return actual.isEmailTaken(email);
    },
  };
});

const { changePassword } = await import("@/lib/account/change-password");
const { requestEmailChange } = await import("@/lib/account/change-email");
const { deleteAccount } = await import("@/lib/account/delete-account");
const { authorizeCredentials } = await import("@/lib/auth/authorize");
const { confirmEmailToken, sendVerificationEmail } = await import("@/lib/auth/email-verification");
const { hashPassword, verifyPassword } = await import("@/lib/auth/password");
const { resetPassword } = await import("@/lib/auth/password-reset");
const { createSession, validateSession } = await import("@/lib/auth/sessions");
const { LOCK_FROM } = await import("@/lib/auth/sign-in-throttle");
const { consumeToken, issueToken } = await import("@/lib/auth/tokens");
const { db } = await import("@/lib/db");
const { MAILS_PER_ADDRESS_PER_DAY } = await import("@/lib/mail/daily-cap");
const { createUser } = await import("@/lib/users");
const { openSession } = await import("@/tests/helpers/sessions");
const { confirmedUser } = await import("@/tests/helpers/users");

const PASSWORD = "the owner's own password";
const context = { at: new Date(), ip: "203.0.113.7", userAgent: "vitest" };
let n = 0;

async function owner() {
  n += 1;
  return confirmedUser({ name: `Owner ${n}`, email: `owner${n}@example.com`, password: PASSWORD });
}

const link = (userId: string, email: string, purpose: "verify-email" | "reset-password" | "change-email") =>
  issueToken({ userId, email, purpose, ttlSeconds: 3600 });

const signIn = (email: string, password = PASSWORD) =>
  authorizeCredentials(
    { email, password, remember: "true" },
    new Request("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "user-agent": "vitest", "x-latchkey-client-ip": `198.51.100.${n}` },
    }),
  );

beforeEach(() => {
  hooks.sent.length = 0;
  hooks.afterPasswordCheck = null;
  hooks.duringEmailChange = null;
});

describe("every emailed link of an account dies with a change of its credentials", () => {
  it("a pending email change does not survive a password reset (the takeover)", async () => {
    const user = await owner();
    // The attacker, who has the password, asks to move the account to their address…
    expect(
      await requestEmailChange(
        user,
        { newEmail: `attacker${n}@example.com`, currentPassword: PASSWORD },
        context,
      ),
    ).toBe("requested");
    const attackerLink = hooks.sent
      .find((mail) => mail.to === `attacker${n}@example.com`)!
      .text.match(/token=([\w-]+)/)![1]!;
    // …the owner, warned, resets the password…
    const reset = await link(user.id, user.email, "reset-password");
    expect(await resetPassword(reset, "a brand new password for me", context)).toBe(true);
    // …and the attacker's link is worth nothing.
    expect(await confirmEmailToken(attackerLink, context)).toEqual({ status: "invalid" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("an email change requested while a reset lands issues no link", async () => {
    const user = await owner();
    const reset = await link(user.id, user.email, "reset-password");
    hooks.duringEmailChange = async () => {
      hooks.duringEmailChange = null;
      expect(await resetPassword(reset, "reset during the request", context)).toBe(true);
    };
    const request = { newEmail: `attacker${n}@example.com`, currentPassword: PASSWORD };
    expect(await requestEmailChange(user, request, context)).toBe("conflict");
    expect(await db.authToken.count({ where: { userId: user.id, purpose: "change-email" } })).toBe(0);
    expect(hooks.sent.filter((mail) => mail.to === request.newEmail)).toHaveLength(0);
  });

  it("an email confirmation and a reset at the same moment both end cleanly", async () => {
    for (let round = 0; round < 4; round++) {
      const user = await owner();
      const change = await link(user.id, `moved${n}@example.com`, "change-email");
      const reset = await link(user.id, user.email, "reset-password");
      const [confirmed, wasReset] = await Promise.all([
        confirmEmailToken(change, context),
        resetPassword(reset, "reset at the same moment", context),
      ]);
      // Whichever came first voided the other's link; neither failed with an error.
      expect([confirmed.status === "email-changed", wasReset].filter(Boolean)).toHaveLength(1);
    }
  });

  it("a password reset voids change-email and verify-email links too", async () => {
    const user = await owner();
    const change = await link(user.id, `new${n}@example.com`, "change-email");
    const verify = await link(user.id, user.email, "verify-email");
    const reset = await link(user.id, user.email, "reset-password");
    expect(await resetPassword(reset, "another brand new password", context)).toBe(true);
    expect(await consumeToken(change, "change-email")).toBeNull();
    expect(await consumeToken(verify, "verify-email")).toBeNull();
  });

  it("a password change voids every link", async () => {
    const user = await owner();
    const session = (await validateSession(await openSession(user.id)))!.sessionId;
    const links = [
      [await link(user.id, `new${n}@example.com`, "change-email"), "change-email"],
      [await link(user.id, user.email, "verify-email"), "verify-email"],
      [await link(user.id, user.email, "reset-password"), "reset-password"],
    ] as const;
    const passwords = { currentPassword: PASSWORD, newPassword: "a changed password of mine" };
    expect(await changePassword(user, session, passwords, context)).toBe("changed");
    for (const [secret, purpose] of links) expect(await consumeToken(secret, purpose), purpose).toBeNull();
  });

  it("a completed email change voids every other link", async () => {
    const user = await owner();
    const change = await link(user.id, `moved${n}@example.com`, "change-email");
    const reset = await link(user.id, user.email, "reset-password");
    const verify = await link(user.id, user.email, "verify-email");
    expect(await confirmEmailToken(change, context)).toMatchObject({ status: "email-changed" });
    expect(await consumeToken(reset, "reset-password")).toBeNull();
    expect(await consumeToken(verify, "verify-email")).toBeNull();
  });

  it("a sign-in lock voids a pending email change, but not a reset link the owner asked for", async () => {
    const user = await owner();
    const change = await link(user.id, `new${n}@example.com`, "change-email");
    const ownersReset = await link(user.id, user.email, "reset-password");
    for (let i = 0; i < LOCK_FROM; i++) {
      expect(await signIn(user.email, `guess ${i}`)).toBeNull();
      await db.signInFailure.updateMany({ where: { email: user.email }, data: { lockedUntil: null } });
    }
    expect(hooks.sent.filter((mail) => /paused/i.test(mail.subject))).toHaveLength(1);
    expect(await consumeToken(change, "change-email")).toBeNull();
    expect(await consumeToken(ownersReset, "reset-password")).not.toBeNull();
  });

  it("deleting the account takes its links with it", async () => {
    const user = await owner();
    await link(user.id, `new${n}@example.com`, "change-email");
    await link(user.id, user.email, "reset-password");
    expect(await deleteAccount(user, PASSWORD, context)).toBe("deleted");
    expect(await db.authToken.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("a session is bound to the credentials it was opened with", () => {
  it("a sign-in whose password check straddles a reset opens no session", async () => {
    const user = await owner();
    const reset = await link(user.id, user.email, "reset-password");
    hooks.afterPasswordCheck = async () => {
      hooks.afterPasswordCheck = null;
      expect(await resetPassword(reset, "reset while signing in", context)).toBe(true);
    };
    expect(await signIn(user.email)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("of sign-ins racing one reset, none keeps a session", async () => {
    const user = await owner();
    const reset = await link(user.id, user.email, "reset-password");
    const results = await Promise.all([
      // Four: a fifth parallel attempt would meet the account's own slow-down first.
      ...Array.from({ length: 4 }, () => signIn(user.email)),
      resetPassword(reset, "reset during a burst of sign-ins", context),
    ]);
    expect(results.at(-1)).toBe(true);
    for (const result of results.slice(0, -1)) {
      const secret = (result as { sessionSecret?: string } | null)?.sessionSecret;
      if (secret) expect(await validateSession(secret)).toBeNull();
    }
  });

  it("a session row of an older credential version is refused on its next request", async () => {
    const user = await owner();
    const secret = await openSession(user.id);
    await db.user.update({ where: { id: user.id }, data: { credentialVersion: { increment: 1 } } });
    expect(await validateSession(secret)).toBeNull();
    expect(await createSession({ id: user.id, credentialVersion: 0 }, false, context)).toBeNull();
  });

  it("a password change keeps the session that made it and ends the others", async () => {
    const user = await owner();
    const here = await openSession(user.id);
    const elsewhere = await openSession(user.id);
    const sessionId = (await validateSession(here))!.sessionId;
    const passwords = { currentPassword: PASSWORD, newPassword: "a changed password of mine" };
    expect(await changePassword(user, sessionId, passwords, context)).toBe("changed");
    expect(await validateSession(here)).not.toBeNull();
    expect(await validateSession(elsewhere)).toBeNull();
  });

  it("an email change ends every other session, as a password change does", async () => {
    const user = await owner();
    const here = await openSession(user.id);
    const elsewhere = await openSession(user.id);
    const sessionId = (await validateSession(here))!.sessionId;
    const change = await link(user.id, `moved${n}@example.com`, "change-email");
    expect(await confirmEmailToken(change, context, { userId: user.id, sessionId })).toMatchObject({
      status: "email-changed",
    });
    expect(await validateSession(here)).not.toBeNull();
    expect(await validateSession(elsewhere)).toBeNull();
  });

  it("an email change confirmed from a browser signed out (or signed in elsewhere) ends every session", async () => {
    const user = await owner();
    const secret = await openSession(user.id);
    const change = await link(user.id, `moved${n}@example.com`, "change-email");
    const stranger = { userId: "someone-else", sessionId: (await validateSession(secret))!.sessionId };
    expect(await confirmEmailToken(change, context, stranger)).toMatchObject({ status: "email-changed" });
    expect(await validateSession(secret)).toBeNull();
  });

  it("reports when the session really ends: its idle deadline, never past its absolute expiry", async () => {
    const user = await owner();
    const before = Date.now();
    const session = (await validateSession(await openSession(user.id, false)))!;
    // Not remembered: 2 idle hours, inside the 12-hour limit.
    expect(session.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 2 * 3600_000 - 1000);
    expect(session.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 2 * 3600_000);
  });
});

describe("settings are no password oracle", () => {
  it("wrong current passwords count as failed sign-ins, up to the account's lock", async () => {
    const user = await owner();
    const session = (await validateSession(await openSession(user.id)))!.sessionId;
    for (let i = 0; i < LOCK_FROM; i++) {
      const guess = { currentPassword: `guess ${i}`, newPassword: "whatever new password" };
      expect(await changePassword(user, session, guess, context)).toEqual({ refused: "wrong-password" });
      // Time passes between guesses, except after the last one, which starts the lock.
      if (i < LOCK_FROM - 1) {
        await db.signInFailure.updateMany({ where: { email: user.email }, data: { lockedUntil: null } });
      }
    }
    expect((await db.signInFailure.findUnique({ where: { email: user.email } }))?.failures).toBe(LOCK_FROM);
    const right = { currentPassword: PASSWORD, newPassword: "whatever new password" };
    expect(await changePassword(user, session, right, context)).toEqual({
      refused: "throttled",
      retryAfter: expect.any(Number),
    });
    expect(
      await requestEmailChange(user, { newEmail: `x${n}@example.com`, currentPassword: PASSWORD }, context),
    ).toMatchObject({ refused: "throttled" });
  });
});

describe("two password changes at once", () => {
  it("one wins, the other is told, and the stored password is the winner's", async () => {
    const user = await owner();
    const session = (await validateSession(await openSession(user.id)))!.sessionId;
    const candidates = ["first parallel password", "second parallel password"];
    const results = await Promise.all(
      candidates.map((newPassword) =>
        changePassword(user, session, { currentPassword: PASSWORD, newPassword }, context),
      ),
    );
    expect([...results].sort()).toEqual(["changed", "conflict"]);
    const winner = candidates[results.indexOf("changed")]!;
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(winner, passwordHash!)).toBe(true);
    expect(hooks.sent.filter((mail) => /password was changed/i.test(mail.subject))).toHaveLength(1);
  });
});

describe("confirmation mail to an address", () => {
  it(`goes out at most ${MAILS_PER_ADDRESS_PER_DAY} times a day, however often it is asked for`, async () => {
    n += 1;
    // Someone registered the victim's address with their own password and signs in again and again.
    const user = await createUser({
      name: "Squatter",
      email: `victim${n}@example.com`,
      passwordHash: await hashPassword(PASSWORD),
    });
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await sendVerificationEmail(user));
    expect(results).toEqual([
      ...Array.from({ length: MAILS_PER_ADDRESS_PER_DAY }, () => "sent"),
      ...Array.from({ length: 6 - MAILS_PER_ADDRESS_PER_DAY }, () => "daily-limit"),
    ]);
    expect(hooks.sent.filter((mail) => mail.to === user.email)).toHaveLength(MAILS_PER_ADDRESS_PER_DAY);
  });
});
