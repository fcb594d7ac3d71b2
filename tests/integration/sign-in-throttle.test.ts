import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4"; // many sign-ins below: the cost does not matter to throttling
});
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));

const { authorizeCredentials } = await import("@/lib/auth/authorize");
const { hashPassword } = await import("@/lib/auth/password");
const { SignInThrottledError } = await import("@/lib/auth/sign-in-errors");
const { claimSignInAttempt, clearSignInFailures, LOCK_SECONDS, signInAbandoned } =
  await import("@/lib/auth/sign-in-throttle");
const { database } = await import("@/lib/db/connection");
const { devOutbox } = await import("@/lib/mail/dev-outbox");
const { createUser } = await import("@/lib/users");

const password = "correct horse battery staple";
let addressCounter = 0;
/** A request from a new client address each time, unless one is given; with `cookie`, from that browser. */
const from = (ip = `198.51.100.${++addressCounter % 250}`, cookie?: string) =>
  new Request("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: { "user-agent": "vitest", "x-latchkey-client-ip": ip, ...(cookie ? { cookie } : {}) },
  });

/** A wait of `seconds`, give or take the few seconds a slow test machine takes. */
const about = (seconds: number) => expect.toSatisfy((wait: number) => wait > seconds - 5 && wait <= seconds);

type Outcome = "ok" | "invalid" | { throttled: number };
async function attempt(email: string, pw: string, request = from()): Promise<Outcome> {
  try {
    return (await authorizeCredentials({ email, password: pw }, request)) ? "ok" : "invalid";
  } catch (error) {
    if (error instanceof SignInThrottledError) return { throttled: error.retryAfter };
    throw error;
  }
}

async function query(sql: string, values: unknown[] = []) {
  const { pool } = await database();
  return pool.query(sql, values);
}
/** Lets the current wait or lock pass, as time would. */
const endWait = (email: string) =>
  query(
    `UPDATE "SignInFailure" SET "lockedUntil" = now() AT TIME ZONE 'UTC' - interval '1 second' WHERE "email" = $1`,
    [email],
  );
const failuresOf = async (email: string) =>
  (await query(`SELECT "failures" FROM "SignInFailure" WHERE "email" = $1`, [email])).rows[0]?.failures ?? 0;

async function register(email: string) {
  const user = await createUser({ name: "Throttle Test", email, passwordHash: await hashPassword(password) });
  await query(`UPDATE "User" SET "emailVerified" = now() WHERE "id" = $1`, [user.id]);
}

beforeAll(async () => {
  for (const email of [
    "rotate@example.com",
    "reset@example.com",
    "lock@example.com",
    "stop@example.com",
    "race@example.com",
  ]) {
    await register(email);
  }
});

describe("sign-in throttling per account", () => {
  it("slows an account after 5 failures, from any mix of addresses, even for the right password", async () => {
    for (let i = 0; i < 5; i++) expect(await attempt("rotate@example.com", `wrong ${i}`)).toBe("invalid");
    expect(await attempt("rotate@example.com", password)).toEqual({ throttled: about(10) });
    await endWait("rotate@example.com");
    expect(await attempt("rotate@example.com", "wrong again")).toBe("invalid");
    expect(await attempt("rotate@example.com", password)).toEqual({ throttled: about(20) }); // growing
    await endWait("rotate@example.com");
    expect(await attempt("rotate@example.com", password)).toBe("ok");
  });

  it("answers an unknown email exactly as a known one", async () => {
    for (let i = 0; i < 5; i++)
      expect(await attempt("nobody-here@example.com", `wrong ${i}`)).toBe("invalid");
    expect(await attempt("nobody-here@example.com", password)).toEqual({ throttled: about(10) });
  });

  it("starts counting again after a success", async () => {
    for (let i = 0; i < 4; i++) await attempt("reset@example.com", `wrong ${i}`);
    expect(await attempt("reset@example.com", password)).toBe("ok");
    expect(await failuresOf("reset@example.com")).toBe(0);
    for (let i = 0; i < 4; i++) expect(await attempt("reset@example.com", `wrong ${i}`)).toBe("invalid");
    expect(await attempt("reset@example.com", password)).toBe("ok");
  });

  it("locks for 15 minutes at 10 failures, and emails the owner a reset link once", async () => {
    const email = "lock@example.com";
    for (let i = 0; i < 9; i++) {
      expect(await attempt(email, `wrong ${i}`)).toBe("invalid");
      await endWait(email);
    }
    expect((await devOutbox()).filter((mail) => mail.to === email)).toHaveLength(0);
    expect(await attempt(email, "wrong 10")).toBe("invalid");
    const locked = await attempt(email, password);
    expect(locked).toEqual({ throttled: expect.any(Number) });
    const wait = (locked as { throttled: number }).throttled;
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);

    const mail = (await devOutbox()).find((entry) => entry.to === email);
    expect(mail?.subject).toMatch(/paused/i);
    expect(mail?.text).toMatch(/\/reset-password\?token=[\w-]+/);

    // The next lock is no longer (a ceiling, not a doubling), and the owner is not mailed again.
    await endWait(email);
    expect(await attempt(email, "wrong 11")).toBe("invalid");
    const again = (await attempt(email, password)) as { throttled: number };
    expect(again.throttled).toBeGreaterThan(14 * 60);
    expect(again.throttled).toBeLessThanOrEqual(15 * 60);
    expect((await devOutbox()).filter((entry) => entry.to === email)).toHaveLength(1);
  });

  it("never locks an unknown device for longer than 15 minutes, and stops at 100 failures until a reset", async () => {
    const email = "stop@example.com";
    await attempt(email, "wrong");
    await query(`UPDATE "SignInFailure" SET "failures" = 30 WHERE "email" = $1`, [email]);
    expect(await attempt(email, "wrong")).toBe("invalid");
    expect(await attempt(email, password)).toEqual({ throttled: LOCK_SECONDS });

    await query(`UPDATE "SignInFailure" SET "failures" = 98 WHERE "email" = $1`, [email]);
    await endWait(email);
    expect(await attempt(email, "wrong 99")).toBe("invalid");
    await endWait(email);
    expect(await attempt(email, "wrong 100")).toBe("invalid");
    expect(await failuresOf(email)).toBe(100);
    // Still locked long after any lock would have ended: only a reset opens it.
    await query(
      `UPDATE "SignInFailure" SET "lockedUntil" = "lockedUntil" - interval '1 year' WHERE "email" = $1`,
      [email],
    );
    expect(await attempt(email, password)).toEqual({ throttled: LOCK_SECONDS });
    expect(await failuresOf(email)).toBe(100);

    await clearSignInFailures(email); // what a password reset does
    expect(await attempt(email, password)).toBe("ok");
  });

  it("checks at most 5 passwords of a burst of parallel guesses", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt("race@example.com", `parallel guess ${i}`)),
    );
    const checked = outcomes.filter((outcome) => outcome === "invalid");
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(outcomes.filter((outcome) => typeof outcome === "object")).toHaveLength(30 - checked.length);
  });
});

describe("an attempt whose password was never judged", () => {
  it("is not counted (a full hashing pool must not slow the account down)", async () => {
    const email = "abandoned@example.com";
    for (let i = 0; i < 4; i++) expect(await attempt(email, `wrong ${i}`)).toBe("invalid");
    const claim = await claimSignInAttempt(email, "203.0.113.70", null);
    expect(claim.ok && claim.attempt.failures).toBe(5);
    if (claim.ok) await signInAbandoned(claim.attempt);
    expect(await failuresOf(email)).toBe(4);
    expect(await attempt(email, "wrong 5")).toBe("invalid"); // no wait was left behind
  });
});

describe("sign-in throttling per client address", () => {
  it("allows 20 failed attempts a minute from one address across many accounts", async () => {
    const ip = "203.0.113.50";
    for (let i = 0; i < 20; i++) {
      expect(await attempt(`spray-${i}@example.com`, "Summer2026!", from(ip))).toBe("invalid");
    }
    expect(await attempt("spray-20@example.com", "Summer2026!", from(ip))).toEqual({
      throttled: expect.any(Number),
    });
    // The same account from another address is not affected.
    expect(await attempt("spray-20@example.com", "Summer2026!", from("203.0.113.51"))).toBe("invalid");
  });

  it("does not count successful sign-ins against the address", async () => {
    const ip = "203.0.113.60";
    await register("busy-office@example.com");
    for (let i = 0; i < 25; i++)
      expect(await attempt("busy-office@example.com", password, from(ip))).toBe("ok");
  });
});
