// Lockout must not be a weapon: a browser where the account signed in before carries a signed
// device cookie, and its correct password goes through while strangers have the account locked.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
});
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));

const { authorizeCredentials } = await import("@/lib/auth/authorize");
const { hashPassword } = await import("@/lib/auth/password");
const { SignInThrottledError } = await import("@/lib/auth/sign-in-errors");
const { DEVICE_FAILURES_PER_DAY, LOCK_FROM } = await import("@/lib/auth/sign-in-throttle");
const { db } = await import("@/lib/db");
const { createUser } = await import("@/lib/users");
const { cookieHeader, cookieJar } = await import("@/tests/helpers/next-headers");

const password = "the owner's own password";
let address = 0;

type Outcome = "ok" | "invalid" | "throttled";
async function attempt(email: string, pw: string, cookie?: string): Promise<Outcome> {
  const headers: Record<string, string> = {
    "user-agent": "vitest",
    "x-latchkey-client-ip": `198.51.100.${++address % 250}`,
  };
  if (cookie) headers.cookie = cookie;
  const request = new Request("http://localhost/api/auth/callback/credentials", { method: "POST", headers });
  try {
    return (await authorizeCredentials({ email, password: pw }, request)) ? "ok" : "invalid";
  } catch (error) {
    if (error instanceof SignInThrottledError) return "throttled";
    throw error;
  }
}

async function account(email: string) {
  const user = await createUser({ name: "Owner", email, passwordHash: await hashPassword(password) });
  await db.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
}

/** Strangers fail LOCK_FROM times: the account is locked for unknown browsers. */
async function lockOut(email: string) {
  for (let i = 0; i < LOCK_FROM; i++) {
    expect(await attempt(email, `stranger's guess ${i}`)).toBe("invalid");
    if (i < LOCK_FROM - 1) {
      await db.signInFailure.updateMany({ where: { email }, data: { lockedUntil: null } });
    }
  }
  expect(await attempt(email, password)).toBe("throttled");
}

/** Signs in once from a fresh browser and returns that browser's cookies. */
async function browserThatSignedIn(email: string): Promise<string> {
  cookieJar.clear();
  expect(await attempt(email, password)).toBe("ok");
  return cookieHeader();
}

beforeAll(async () => {
  for (const email of [
    "owner@example.com",
    "other@example.com",
    "tamper@example.com",
    "stolen@example.com",
    "reset@example.com",
    "old@example.com",
  ]) {
    await account(email);
  }
});
beforeEach(() => cookieJar.clear());

describe("device cookies", () => {
  it("a successful sign-in gives the browser a signed, HttpOnly-kind cookie that names no email", async () => {
    const cookie = await browserThatSignedIn("owner@example.com");
    expect(cookie).toMatch(/^latchkey-device=[\w.~-]+$/);
    expect(cookie).not.toContain("owner");
  });

  it("the owner's browser signs in with the right password while strangers have the account locked", async () => {
    const ownersBrowser = await browserThatSignedIn("owner@example.com");
    await lockOut("owner@example.com");
    expect(await attempt("owner@example.com", password, ownersBrowser)).toBe("ok");
    // A success from anywhere starts the count again, as before.
    expect((await db.signInFailure.findUnique({ where: { email: "owner@example.com" } }))?.failures).toBe(
      undefined,
    );
  });

  it("a cookie for another account, or a tampered one, is an unknown browser", async () => {
    const othersBrowser = await browserThatSignedIn("other@example.com");
    const genuine = await browserThatSignedIn("tamper@example.com");
    await lockOut("tamper@example.com");
    expect(await attempt("tamper@example.com", password, othersBrowser)).toBe("throttled");
    const tampered = genuine.replace(/.$/, (last) => (last === "A" ? "B" : "A"));
    expect(await attempt("tamper@example.com", password, tampered)).toBe("throttled");
    expect(await attempt("tamper@example.com", password, genuine)).toBe("ok");
  });

  it(`a trusted browser that fails ${DEVICE_FAILURES_PER_DAY} times is trusted no longer`, async () => {
    const browser = await browserThatSignedIn("stolen@example.com");
    await lockOut("stolen@example.com");
    // Its own failures do not touch the account's count…
    for (let i = 0; i < DEVICE_FAILURES_PER_DAY; i++) {
      expect(await attempt("stolen@example.com", `thief's guess ${i}`, browser)).toBe("invalid");
    }
    // …but past its own allowance it waits with everyone else.
    expect(await attempt("stolen@example.com", password, browser)).toBe("throttled");
  });

  it("a password reset ends every browser's trust, the thief's included", async () => {
    const browser = await browserThatSignedIn("reset@example.com");
    const { id } = await db.user.findUniqueOrThrow({ where: { email: "reset@example.com" } });
    await db.user.update({ where: { id }, data: { credentialVersion: { increment: 1 } } });
    await lockOut("reset@example.com");
    expect(await attempt("reset@example.com", password, browser)).toBe("throttled");
  });

  it("an entry more than a year old is worth nothing", async () => {
    vi.useFakeTimers({ now: Date.now() - 366 * 86_400_000, toFake: ["Date"] });
    const browser = await browserThatSignedIn("old@example.com");
    vi.useRealTimers();
    await lockOut("old@example.com");
    expect(await attempt("old@example.com", password, browser)).toBe("throttled");
  });

  it("no browser is trusted for a password that opened no session (an unconfirmed account)", async () => {
    await createUser({
      name: "New",
      email: "unconfirmed@example.com",
      passwordHash: await hashPassword(password),
    });
    cookieJar.clear();
    await expect(attempt("unconfirmed@example.com", password)).rejects.toThrow();
    expect(cookieJar.size).toBe(0);
  });
});
