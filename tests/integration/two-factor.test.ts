// Two-factor sign-in with an authenticator app and recovery codes: enrolment, the second
// step on every way in, replay and guessing, and what a reset leaves alone.
import { generate } from "otplib";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MailMessage } from "@/lib/mail/send";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
});
const sent = vi.hoisted(() => [] as MailMessage[]);
vi.mock("@/lib/mail/outbox", async () => (await import("@/tests/helpers/outbox-spy")).recordMailInto(sent));
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));

const { authorizeCredentials } = await import("@/lib/auth/authorize");
const { authorizeSecondStep } = await import("@/lib/auth/authorize-second-step");
const { peekPendingSignIn, takePendingSignIn } = await import("@/lib/auth/pending-sign-in");
const { pendingSignInSecret } = await import("@/lib/auth/pending-sign-in-cookie");
const { resetPassword } = await import("@/lib/auth/password-reset");
const { validateSession } = await import("@/lib/auth/sessions");
const { SignInExpiredError, SignInThrottledError, TwoFactorRequiredError } =
  await import("@/lib/auth/sign-in-errors");
const { issueToken } = await import("@/lib/auth/tokens");
const { db } = await import("@/lib/db");
const { acceptTotpCode, beginTotpSetup, claimTotpStep, hasTwoFactor, pendingTotpSetup } =
  await import("@/lib/second-factor/authenticator-app");
const { judgeCode, secondFactorThrottleKey } = await import("@/lib/second-factor/code-check");
const { disableTwoFactor, enableTwoFactor, regenerateRecoveryCodes } =
  await import("@/lib/second-factor/enrolment");
const { recoveryCodesLeft, spendRecoveryCode } = await import("@/lib/second-factor/recovery-codes");
const { forgetKeys, open } = await import("@/lib/second-factor/secret-box");
const { matchingStep } = await import("@/lib/second-factor/totp");
const { postCallback } = await import("@/tests/helpers/auth-endpoint");
const { cookieJar } = await import("@/tests/helpers/next-headers");
const { openSession } = await import("@/tests/helpers/sessions");
const { confirmedUser } = await import("@/tests/helpers/users");

const PASSWORD = "a long and unusual passphrase";
const context = { at: new Date(), ip: "203.0.113.20", userAgent: "vitest" };
let n = 0;

const codeAt = (secret: string, at = Date.now()) => generate({ secret, epoch: Math.floor(at / 1000) });
const step = (at = Date.now()) => Math.floor(at / 30_000);
const request = () =>
  new Request("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: { "user-agent": "vitest", "x-latchkey-client-ip": `198.51.100.${n % 250}` },
  });

async function account() {
  n += 1;
  const email = `tf${n}@example.com`;
  const user = await confirmedUser({ name: `T${n}`, email, password: PASSWORD });
  return { id: user.id, name: user.name, email };
}

/** An account with its app switched on: its secret, recovery codes and the enabling session. */
async function enrolled() {
  const user = await account();
  const sessionId = (await validateSession(await openSession(user.id)))!.sessionId;
  const secret = (await beginTotpSetup(user.id))!;
  // The code of the previous step, so the test's own first code (this step) is still unused;
  // made again if a step boundary passed meanwhile and took it out of the window.
  let result: Awaited<ReturnType<typeof enableTwoFactor>> = "wrong-code";
  for (let attempt = 0; attempt < 2 && result === "wrong-code"; attempt += 1) {
    const code = await codeAt(secret, Date.now() - 30_000);
    result = await enableTwoFactor(user, sessionId, { code, currentPassword: PASSWORD }, context);
  }
  if (typeof result !== "object" || !("recoveryCodes" in result))
    throw new Error(`not enrolled: ${String(result)}`);
  return { user, secret, sessionId, recoveryCodes: result.recoveryCodes };
}

/** The password step for a two-factor account: the pending sign-in's secret from its cookie. */
async function passwordStep(email: string, fields: Record<string, string> = {}) {
  cookieJar.clear();
  await expect(
    authorizeCredentials({ email, password: PASSWORD, ...fields }, request()),
  ).rejects.toBeInstanceOf(TwoFactorRequiredError);
  return (await pendingSignInSecret())!;
}

beforeEach(() => {
  sent.length = 0;
  cookieJar.clear();
});

describe("codes from an authenticator app", () => {
  it("are accepted for the current step and one either side, not two away", async () => {
    const { secret } = await enrolled();
    const now = Date.now();
    for (const skew of [-30_000, 0, 30_000]) {
      expect(await matchingStep(secret, await codeAt(secret, now + skew), { at: now })).toBe(
        step(now + skew),
      );
    }
    for (const skew of [-60_000, 60_000]) {
      expect(await matchingStep(secret, await codeAt(secret, now + skew), { at: now })).toBeNull();
    }
  });

  it("are refused, not an error, when the last step used is ahead of this clock", async () => {
    const { secret } = await enrolled();
    expect(await matchingStep(secret, await codeAt(secret), { afterStep: step() + 3 })).toBeNull();
  });

  it("are accepted once: a replay is refused, and of two parallel submissions one wins", async () => {
    const { user, secret } = await enrolled();
    const code = await codeAt(secret);
    // Both submissions have read the same last step and found the code right; one claim wins.
    const claims = await Promise.all([claimTotpStep(user.id, step()), claimTotpStep(user.id, step())]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await acceptTotpCode(user.id, code)).toBe(false);
    // The step before is older than the one used: refused too.
    expect(await acceptTotpCode(user.id, await codeAt(secret, Date.now() - 30_000))).toBe(false);
  });

  it("come from a secret stored only sealed, bound to its account", async () => {
    const { user, secret } = await enrolled();
    const row = await db.totpCredential.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secret).not.toContain(secret);
    expect(Buffer.from(row.secret.split(".")[3]!, "base64url").toString("latin1")).not.toContain(secret);
    expect(open(row.secret, user.id).plaintext).toBe(secret);
    const other = await account();
    expect(() => open(row.secret, other.id)).toThrow();
  });

  it("still work after the key is rotated, and are sealed again under the new key on use", async () => {
    const { user, secret } = await enrolled();
    const before = await db.totpCredential.findUniqueOrThrow({ where: { userId: user.id } });
    const previous = process.env.AUTH_SECRET!;
    vi.stubEnv("SECOND_FACTOR_KEY", "a brand new second factor key for the rotation test");
    vi.stubEnv("SECOND_FACTOR_PREVIOUS_KEYS", previous);
    vi.resetModules();
    try {
      const rotated = await import("@/lib/second-factor/authenticator-app");
      const box = await import("@/lib/second-factor/secret-box");
      box.forgetKeys();
      expect(await rotated.acceptTotpCode(user.id, await codeAt(secret))).toBe(true);
      const after = await db.totpCredential.findUniqueOrThrow({ where: { userId: user.id } });
      expect(after.secret.split(".")[1]).not.toBe(before.secret.split(".")[1]);
      expect(box.open(after.secret, user.id)).toEqual({ plaintext: secret, stale: false });
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
      forgetKeys();
    }
  });
});

describe("setting up an app", () => {
  it("starts with a fresh 160-bit secret each time, and switches on only with a code and the password", async () => {
    const user = await account();
    const sessionId = (await validateSession(await openSession(user.id)))!.sessionId;
    const first = (await beginTotpSetup(user.id))!;
    const second = (await beginTotpSetup(user.id))!;
    expect(second).not.toBe(first);
    expect(Buffer.from(second.replace(/=+$/, ""), "utf8").length).toBe(32); // 32 base32 characters = 160 bits
    expect((await pendingTotpSetup(user.id))?.secret).toBe(second);
    const code = await codeAt(second);
    expect(
      await enableTwoFactor(user, sessionId, { code, currentPassword: "not the password" }, context),
    ).toEqual({
      refused: "wrong-password",
    });
    expect(
      await enableTwoFactor(
        user,
        sessionId,
        { code: await codeAt(first), currentPassword: PASSWORD },
        context,
      ),
    ).toBe("wrong-code");
    expect(await hasTwoFactor(user.id)).toBe(false);
    const elsewhere = await openSession(user.id);
    const enabled = await enableTwoFactor(user, sessionId, { code, currentPassword: PASSWORD }, context);
    expect(enabled).toMatchObject({ recoveryCodes: expect.any(Array) });
    expect(await hasTwoFactor(user.id)).toBe(true);
    // Every other session, opened with the password alone, ends; this one stays.
    expect(await validateSession(elsewhere)).toBeNull();
    expect(await db.session.count({ where: { id: sessionId } })).toBe(1);
    // The code that switched it on is used.
    expect(await acceptTotpCode(user.id, code)).toBe(false);
    expect(await beginTotpSetup(user.id)).toBeNull();
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "two-factor.enabled" } })).toBe(1);
    expect(sent.map((mail) => mail.subject)).toContain("Latchkey: Two-factor authentication is on");
  });
});

describe("recovery codes", () => {
  it("are ten of at least 50 bits, stored only as digests", async () => {
    const { user, recoveryCodes } = await enrolled();
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes)
      expect(code).toMatch(/^([0-9a-hjkmnp-tv-z]{4}-){3}[0-9a-hjkmnp-tv-z]{4}$/);
    const rows = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(10);
    const stored = JSON.stringify(rows);
    for (const code of recoveryCodes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(code.replaceAll("-", ""));
    }
  });

  it("work once each, even used in parallel, and forgive case and spacing", async () => {
    const { user, recoveryCodes } = await enrolled();
    const code = recoveryCodes[0]!;
    const uses = await Promise.all(Array.from({ length: 8 }, () => spendRecoveryCode(user.id, code)));
    expect(uses.filter((left) => left !== null)).toEqual([9]);
    expect(await spendRecoveryCode(user.id, code)).toBeNull();
    expect(
      await spendRecoveryCode(user.id, ` ${recoveryCodes[1]!.toUpperCase().replaceAll("-", " ")} `),
    ).toBe(8);
    // Another account's code is nothing here.
    const other = await enrolled();
    expect(await spendRecoveryCode(user.id, other.recoveryCodes[0]!)).toBeNull();
  });

  it("mail a notice when one signs in, saying how many are left", async () => {
    const { user, recoveryCodes } = await enrolled();
    const holder = { ...user, credentialVersion: 1 };
    expect(await judgeCode(holder, recoveryCodes[0]!, context, "sign-in")).toEqual({
      outcome: "accepted",
      factor: "recovery-code",
    });
    const notice = sent.find((mail) => mail.subject === "Latchkey: A recovery code was used");
    expect(notice?.text).toContain("You have 9 recovery codes left.");
    expect(notice?.text).not.toContain(recoveryCodes[0]!);
  });

  it("are replaced by regenerating, which needs the password and a code", async () => {
    const { user, secret, recoveryCodes } = await enrolled();
    expect(await regenerateRecoveryCodes(user, { code: "000000", currentPassword: PASSWORD }, context)).toBe(
      "wrong-code",
    );
    const result = await regenerateRecoveryCodes(
      user,
      { code: await codeAt(secret), currentPassword: PASSWORD },
      context,
    );
    if (typeof result !== "object" || !("recoveryCodes" in result)) throw new Error("not regenerated");
    expect(result.recoveryCodes).toHaveLength(10);
    for (const old of recoveryCodes) expect(await spendRecoveryCode(user.id, old)).toBeNull();
    expect(await spendRecoveryCode(user.id, result.recoveryCodes[0]!)).toBe(9);
    expect(await recoveryCodesLeft(user.id)).toBe(9);
  });
});

describe("the second step of sign-in", () => {
  it("is all a right password gets on a two-factor account, through Auth.js's own endpoint too", async () => {
    const { user } = await enrolled();
    const sessionsBefore = await db.session.count({ where: { userId: user.id } });
    const secret = await passwordStep(user.email, { remember: "true", returnTo: "/settings?tab=1" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);
    expect(await peekPendingSignIn(secret)).toEqual({ userId: user.id, callbackUrl: "/settings?tab=1" });

    cookieJar.clear();
    const response = await postCallback({ email: user.email, password: PASSWORD });
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get("location")!).pathname).toBe("/login/two-factor");
    expect(response.headers.getSetCookie().some((c) => c.includes("session-token"))).toBe(false);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);
    expect(await pendingSignInSecret()).toBeTruthy();
  });

  it("opens the session with both factors, Remember me carried; one right code gives one session", async () => {
    const { user, secret } = await enrolled();
    const pending = await passwordStep(user.email, { remember: "true" });
    const code = await codeAt(secret);
    const results = await Promise.allSettled([
      authorizeSecondStep({ pending, code }, request()),
      authorizeSecondStep({ pending, code }, request()),
    ]);
    const signedIn = results.filter((r) => r.status === "fulfilled" && r.value?.sessionSecret);
    expect(signedIn).toHaveLength(1);
    const { sessionSecret } = (signedIn[0] as PromiseFulfilledResult<{ sessionSecret: string }>).value;
    const session = (await validateSession(sessionSecret))!;
    expect(await db.session.findUniqueOrThrow({ where: { id: session.sessionId } })).toMatchObject({
      method: "password",
      factors: ["password", "totp"],
      remember: true,
    });
    // Used up: the same pending sign-in finishes nothing more, even with a fresh code.
    await expect(
      authorizeSecondStep({ pending, code: await codeAt(secret, Date.now() + 30_000) }, request()),
    ).rejects.toBeInstanceOf(SignInExpiredError);
  });

  it("takes a recovery code in the same field", async () => {
    const { user, recoveryCodes } = await enrolled();
    const pending = await passwordStep(user.email);
    const signedIn = await authorizeSecondStep({ pending, code: recoveryCodes[3]! }, request());
    const session = (await validateSession(signedIn!.sessionSecret!))!;
    expect((await db.session.findUniqueOrThrow({ where: { id: session.sessionId } })).factors).toEqual([
      "password",
      "recovery-code",
    ]);
  });

  it("counts wrong codes per account, not per pending sign-in, and a lock mails the owner", async () => {
    const { user, secret } = await enrolled();
    let pending = await passwordStep(user.email);
    for (let failure = 1; failure <= 5; failure += 1) {
      if (failure === 3) pending = await passwordStep(user.email); // starting over resets nothing
      expect(await authorizeSecondStep({ pending, code: "000000" }, request())).toBeNull();
    }
    // From the fifth wrong code the account waits, whatever the code.
    await expect(
      authorizeSecondStep({ pending, code: await codeAt(secret) }, request()),
    ).rejects.toBeInstanceOf(SignInThrottledError);
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "two-factor.failed" } })).toBe(5);
    // The tenth wrong code in a row starts the lock, and the owner learns their password is known.
    await db.signInFailure.update({
      where: { email: secondFactorThrottleKey(user.id) },
      data: { failures: 9, lockedUntil: null },
    });
    expect(await authorizeSecondStep({ pending, code: "000000" }, request())).toBeNull();
    const mail = sent.find((m) => m.subject === "Latchkey: Wrong authentication codes for your account");
    expect(mail?.to).toBe(user.email);
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "two-factor.locked" } })).toBe(1);
    await expect(
      authorizeSecondStep({ pending, code: await codeAt(secret) }, request()),
    ).rejects.toBeInstanceOf(SignInThrottledError);
  });
});

describe("a password reset", () => {
  it("keeps two-factor on, signs nothing in, voids pending sign-ins, and buys no new guesses", async () => {
    const { user } = await enrolled();
    const pending = await passwordStep(user.email);
    const key = secondFactorThrottleKey(user.id);
    await db.signInFailure.create({
      data: { email: key, failures: 12, lockedUntil: new Date(Date.now() + 600_000) },
    });
    const reset = async () => {
      const token = await issueToken({
        userId: user.id,
        email: user.email,
        purpose: "reset-password",
        ttlSeconds: 600,
      });
      expect(await resetPassword(token, "another long passphrase to use", context)).toBe(true);
    };
    await reset();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await hasTwoFactor(user.id)).toBe(true);
    // The pending sign-in is void at once: no code is even checked for it.
    expect(await peekPendingSignIn(pending)).toBeNull();
    expect(await takePendingSignIn(pending)).toBeNull();
    // Someone with only the mailbox learns a password by resetting it, not more code guesses.
    expect(await db.signInFailure.findUniqueOrThrow({ where: { email: key } })).toMatchObject({
      failures: 12,
    });
    // At the hard stop, a reset lowers it to an ordinary lock, never to nothing.
    await db.signInFailure.update({
      where: { email: key },
      data: { failures: 100, lockedUntil: new Date(Date.now() + 100 * 365 * 86_400_000) },
    });
    await reset();
    const lifted = await db.signInFailure.findUniqueOrThrow({ where: { email: key } });
    expect(lifted.failures).toBe(10);
    expect(lifted.lockedUntil!.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60_000 + 5_000);
    // The next sign-in still asks for the code (and the account still waits for its lock).
    cookieJar.clear();
    await expect(
      authorizeCredentials({ email: user.email, password: "another long passphrase to use" }, request()),
    ).rejects.toBeInstanceOf(TwoFactorRequiredError);
    const next = (await pendingSignInSecret())!;
    await expect(authorizeSecondStep({ pending: next, code: "123456" }, request())).rejects.toBeInstanceOf(
      SignInThrottledError,
    );
  });
});

describe("switching two-factor off", () => {
  it("needs the password and a code (an app's or a recovery code), and ends every other session", async () => {
    const { user, sessionId, recoveryCodes } = await enrolled();
    expect(
      await disableTwoFactor(user, sessionId, { code: "123456", currentPassword: PASSWORD }, context),
    ).toBe("wrong-code");
    expect(
      await disableTwoFactor(
        user,
        sessionId,
        { code: recoveryCodes[0]!, currentPassword: "wrong password" },
        context,
      ),
    ).toEqual({ refused: "wrong-password" });
    expect(await hasTwoFactor(user.id)).toBe(true);
    const elsewhere = await openSession(user.id);
    expect(
      await disableTwoFactor(
        user,
        sessionId,
        { code: recoveryCodes[0]!, currentPassword: PASSWORD },
        context,
      ),
    ).toBe("disabled");
    expect(await hasTwoFactor(user.id)).toBe(false);
    expect(await recoveryCodesLeft(user.id)).toBe(0);
    expect(await validateSession(elsewhere)).toBeNull();
    expect(await db.session.count({ where: { id: sessionId } })).toBe(1);
    const kinds = (await db.securityEvent.findMany({ where: { userId: user.id } })).map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(["two-factor.failed", "recovery-code.used", "two-factor.disabled"]),
    );
    expect(sent.map((mail) => mail.subject)).toContain("Latchkey: Two-factor authentication was turned off");
    // Signing in asks only for the password again.
    cookieJar.clear();
    expect(await authorizeCredentials({ email: user.email, password: PASSWORD }, request())).toMatchObject({
      id: user.id,
    });
  });
});
