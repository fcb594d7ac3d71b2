// Passkeys (lib/passkeys) with real WebAuthn responses from a software authenticator: adding
// one, signing in with it, its challenges and counter, and the /settings and /login actions.
import { generate } from "otplib";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { message } from "@/lib/i18n/message";
import type { CurrentSession } from "@/lib/dal";
import type { MailMessage } from "@/lib/mail/send";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
});
const mocks = vi.hoisted(() => ({
  session: null as CurrentSession | null,
  sent: [] as MailMessage[],
}));
vi.mock("@/lib/mail/outbox", async () =>
  (await import("@/tests/helpers/outbox-spy")).recordMailInto(mocks.sent),
);
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", () => import("@/tests/helpers/next-navigation"));
vi.mock("@/lib/dal", () => ({
  requireSession: async () => {
    if (!mocks.session) throw Object.assign(new Error("NEXT_REDIRECT"), { redirectTo: "/login" });
    return mocks.session;
  },
}));
// The login action's way into Auth.js, straight to the passkey provider's authorize().
vi.mock("@/lib/auth/sign-in", async () => {
  const { authorizePasskey } = await import("@/lib/passkeys/authorize");
  const { requestWithCookies } = await import("@/tests/helpers/next-headers");
  return {
    signInThrough: async (_way: string, fields: Record<string, string>) =>
      (await authorizePasskey(fields, requestWithCookies("http://localhost:3000/api/auth/callback/passkey")))
        ? null
        : { reason: "invalid" },
  };
});

const { beginAddingPasskey, finishAddingPasskey, passkeyRowAction } =
  await import("@/app/(app)/settings/actions/passkeys");
const { passkeySignInOptions, signInWithPasskey } = await import("@/app/(auth)/login/passkey-actions");
const { validateSession } = await import("@/lib/auth/sessions");
const { issueToken } = await import("@/lib/auth/tokens");
const { DELAY_FROM } = await import("@/lib/auth/sign-in-throttle");
const { db } = await import("@/lib/db");
const { provePasskey, signInOptions } = await import("@/lib/passkeys/authentication");
const { authorizePasskey } = await import("@/lib/passkeys/authorize");
const { consumeChallenge, saveChallenge } = await import("@/lib/passkeys/challenges");
const { listPasskeys, removePasskey, renamePasskey } = await import("@/lib/passkeys/passkeys");
const { proofToAddPasskey } = await import("@/lib/passkeys/proof");
const { addPasskey, registrationOptions } = await import("@/lib/passkeys/registration");
const { beginTotpSetup } = await import("@/lib/second-factor/authenticator-app");
const { enableTwoFactor } = await import("@/lib/second-factor/enrolment");
const { createUser } = await import("@/lib/users");
const { cookieHeader, cookieJar, requestWithCookies } = await import("@/tests/helpers/next-headers");
const { openSession } = await import("@/tests/helpers/sessions");
const { assertPasskey, createPasskey } = await import("@/tests/helpers/software-authenticator");
const { confirmedUser } = await import("@/tests/helpers/users");

type Owner = { id: string; name: string | null; email: string };
const context = {
  at: new Date(),
  ip: "203.0.113.5",
  userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0",
};
/** Auth.js's callback as this test's browser posts it: with the cookies the actions set. */
const request = () => requestWithCookies("http://localhost:3000/api/auth/callback/passkey");
const PASSWORD = "a long and unusual passphrase";
let n = 0;

async function someone(): Promise<Owner> {
  n += 1;
  return confirmedUser({ name: `K${n}`, email: `passkey${n}@example.com`, password: PASSWORD });
}

/** A user without a password, who signs in only with passkeys (or a provider). */
async function passwordless(): Promise<Owner> {
  n += 1;
  const user = await createUser({ name: `N${n}`, email: `nopassword${n}@example.com`, passwordHash: "x" });
  await db.user.update({ where: { id: user.id }, data: { passwordHash: null, emailVerified: new Date() } });
  return user;
}

async function withPasskey(user: Owner, name = "Laptop", settings: { counter?: number | null } = {}) {
  const options = await registrationOptions(user);
  if (options === "too-many") throw new Error("too many passkeys");
  const { passkey, response } = createPasskey(options, settings);
  expect(await addPasskey(user, { name, response }, context)).toBe("added");
  return passkey;
}

const signInWith = async (response: unknown, remember = "false") =>
  authorizePasskey({ response: JSON.stringify(response), remember }, request());

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
const redirectOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { redirectTo?: string }) => error.redirectTo,
  );

const sessionIdOf = async (user: Owner) => (await validateSession(await openSession(user.id)))!.sessionId;

async function signedIn(user: Owner) {
  const sessionId = await sessionIdOf(user);
  mocks.session = {
    user: { ...user, emailVerified: new Date(), createdAt: new Date() },
    sessionId,
  };
  return sessionId;
}

const codeAt = (secret: string, at = Date.now()) => generate({ secret, epoch: Math.floor(at / 1000) });

/** Six digits that no step near now gives: a code that is certainly wrong. */
async function wrongCode(secret: string) {
  const near = await Promise.all([-30_000, 0, 30_000].map((skew) => codeAt(secret, Date.now() + skew)));
  return ["123456", "654321", "111111", "222222"].find((code) => !near.includes(code))!;
}

/** An account with an authenticator app on: its secret and recovery codes. */
async function withTwoFactor() {
  const user = await someone();
  const secret = (await beginTotpSetup(user.id))!;
  // The previous step's code, so this step's code is still unused for the test.
  const code = await codeAt(secret, Date.now() - 30_000);
  const result = await enableTwoFactor(
    user,
    await sessionIdOf(user),
    { code, currentPassword: PASSWORD },
    context,
  );
  if (typeof result !== "object" || !("recoveryCodes" in result)) throw new Error("not enrolled");
  return { user, secret, recoveryCodes: result.recoveryCodes };
}

beforeEach(() => {
  mocks.session = null;
  mocks.sent.length = 0;
  cookieJar.clear();
});

describe("adding a passkey", () => {
  it("asks for a discoverable, verified credential for this account, excluding the ones it has", async () => {
    const user = await someone();
    const first = await registrationOptions(user);
    if (first === "too-many") throw new Error("unexpected");
    expect(first).toMatchObject({
      rp: { name: "Latchkey", id: "localhost" },
      user: { id: Buffer.from(user.id).toString("base64url"), name: user.email },
      attestation: "none",
      excludeCredentials: [],
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
    });
    const passkey = await withPasskey(user);
    const second = await registrationOptions(user);
    if (second === "too-many") throw new Error("unexpected");
    expect(second.excludeCredentials?.map(({ id }) => id)).toEqual([passkey.id]);
  });

  it("stores what it verified, logs it and tells the owner", async () => {
    const user = await someone();
    const passkey = await withPasskey(user, "Work laptop", { counter: 7 });
    const row = await db.passkey.findUniqueOrThrow({ where: { credentialId: passkey.id } });
    expect(row).toMatchObject({
      userId: user.id,
      name: "Work laptop",
      counter: 7n,
      transports: ["internal", "hybrid"],
      deviceType: "singleDevice",
      backedUp: false,
      lastUsedAt: null,
    });
    const [event] = await db.securityEvent.findMany({ where: { userId: user.id, kind: "passkey.added" } });
    expect(event?.details).toEqual({ name: "Work laptop" });
    expect(mocks.sent.map((mail) => mail.subject)).toEqual([expect.stringMatching(/a passkey was added/i)]);
  });

  it("refuses a response without user verification, from another origin, or replayed", async () => {
    const user = await someone();
    const options = async () => {
      const made = await registrationOptions(user);
      if (made === "too-many") throw new Error("unexpected");
      return made;
    };
    const unverified = createPasskey(await options(), { userVerified: false }).response;
    expect(await addPasskey(user, { name: "A", response: unverified }, context)).toBe("invalid");
    const phished = createPasskey(await options(), { origin: "https://latchkey.example.evil" }).response;
    expect(await addPasskey(user, { name: "A", response: phished }, context)).toBe("invalid");
    const { response } = createPasskey(await options());
    expect(await addPasskey(user, { name: "A", response }, context)).toBe("added");
    // The challenge went with the first use, and the credential is taken anyway.
    expect(await addPasskey(user, { name: "A", response }, context)).toBe("invalid");
    expect(await db.passkey.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("a WebAuthn challenge", () => {
  it("is used once: of ten parallel consumptions exactly one wins", async () => {
    const holder = { userId: null, browser: "a".repeat(43) };
    await saveChallenge("parallel-challenge", "sign-in", holder);
    const takes = await Promise.all(
      Array.from({ length: 10 }, () => consumeChallenge("parallel-challenge", "sign-in", holder)),
    );
    expect(takes.filter(Boolean)).toHaveLength(1);
  });

  it("expires after minutes, and expired ones are pruned when the next is made", async () => {
    const holder = { userId: null, browser: "a".repeat(43) };
    await saveChallenge("old-challenge", "sign-in", holder);
    await db.webAuthnChallenge.update({
      where: { challenge: "old-challenge" },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await consumeChallenge("old-challenge", "sign-in", holder)).toBe(false);
    await saveChallenge("stale-challenge", "sign-in", holder);
    await db.webAuthnChallenge.update({
      where: { challenge: "stale-challenge" },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    await signInOptions();
    expect(await db.webAuthnChallenge.count({ where: { challenge: "stale-challenge" } })).toBe(0);
    const live = await db.webAuthnChallenge.findMany({ where: { purpose: "sign-in" } });
    for (const row of live) expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
  });

  it("serves only its purpose and its user, and is burnt by any attempt", async () => {
    const [alice, bob] = [await someone(), await someone()];
    const aliceAdding = { userId: alice.id, browser: null };
    await saveChallenge("alice-register", "register", aliceAdding);
    expect(await consumeChallenge("alice-register", "register", { userId: bob.id, browser: null })).toBe(
      false,
    );
    expect(await consumeChallenge("alice-register", "register", aliceAdding)).toBe(false);
    await saveChallenge("for-sign-in", "sign-in", { userId: null, browser: "a".repeat(43) });
    expect(await consumeChallenge("for-sign-in", "register", aliceAdding)).toBe(false);

    // With real responses: Bob's registration options cannot add a passkey to Alice's account…
    const forBob = await registrationOptions(bob);
    if (forBob === "too-many") throw new Error("unexpected");
    const { response } = createPasskey(forBob);
    expect(await addPasskey(alice, { name: "Bob's", response }, context)).toBe("invalid");
    // …a sign-in challenge cannot register one…
    const signIn = await signInOptions();
    const asRegistration = createPasskey({ ...forBob, challenge: signIn.challenge }).response;
    expect(await addPasskey(bob, { name: "B", response: asRegistration }, context)).toBe("invalid");
    // …and a registration challenge cannot sign in.
    const passkey = await withPasskey(alice);
    const forAlice = await registrationOptions(alice);
    if (forAlice === "too-many") throw new Error("unexpected");
    expect(
      await signInWith(assertPasskey(passkey, { challenge: forAlice.challenge, rpId: "localhost" })),
    ).toBeNull();
  });

  it("for signing in, is redeemed only by the browser that asked for it", async () => {
    const user = await someone();
    const passkey = await withPasskey(user);
    const options = await signInOptions();
    expect([...cookieJar.keys()]).toEqual(["latchkey-passkey"]);
    const secret = cookieJar.get("latchkey-passkey")!;
    expect(secret).toMatch(/^[\w-]{43}$/);
    // The row holds only the secret's digest.
    const row = await db.webAuthnChallenge.findUniqueOrThrow({ where: { challenge: options.challenge } });
    expect(row.browserDigest).toMatch(/^[\w-]{43}$/);
    expect(row.browserDigest).not.toBe(secret);
    // Another browser (its own secret, or none) that holds the assertion gets nothing, and
    // burns the challenge: the assertion is worth nothing afterwards, even to the right browser.
    const caught = assertPasskey(passkey, options);
    cookieJar.set("latchkey-passkey", "b".repeat(43));
    expect(await signInWith(caught)).toBeNull();
    cookieJar.set("latchkey-passkey", secret);
    expect(await signInWith(caught)).toBeNull();
    const withoutCookie = assertPasskey(passkey, await signInOptions());
    cookieJar.clear();
    expect(await signInWith(withoutCookie)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    // Two challenges in one browser (two tabs, or autofill and the button) share its secret.
    const [first, second] = [await signInOptions(), await signInOptions()];
    expect(await signInWith(assertPasskey(passkey, second))).not.toBeNull();
    expect(await signInWith(assertPasskey(passkey, first))).not.toBeNull();
  });
});

describe("signing in with a passkey", () => {
  it("opens a session proven by the passkey alone, even for an account with an authenticator app", async () => {
    const user = await someone();
    await db.totpCredential.create({ data: { userId: user.id, secret: "sealed", enabledAt: new Date() } });
    const passkey = await withPasskey(user);
    const signedIn = await signInWith(assertPasskey(passkey, await signInOptions()), "true");
    expect(signedIn).toMatchObject({ id: user.id, email: user.email, name: user.name });
    const session = (await validateSession(signedIn!.sessionSecret!))!;
    const row = await db.session.findUniqueOrThrow({ where: { id: session.sessionId } });
    expect(row).toMatchObject({ userId: user.id, method: "passkey", factors: ["passkey"], remember: true });
    expect(await db.pendingSignIn.count({ where: { userId: user.id } })).toBe(0);
    const stored = await db.passkey.findUniqueOrThrow({ where: { credentialId: passkey.id } });
    expect(stored.counter).toBe(1n);
    expect(stored.lastUsedAt).not.toBeNull();
  });

  it("refuses without user verification, from another origin, with another user's handle, or replayed", async () => {
    const [user, other] = [await someone(), await someone()];
    const passkey = await withPasskey(user);
    const options = () => signInOptions();
    expect(await signInWith(assertPasskey(passkey, await options(), { userVerified: false }))).toBeNull();
    expect(
      await signInWith(assertPasskey(passkey, await options(), { origin: "https://evil.example" })),
    ).toBeNull();
    const handle = Buffer.from(other.id).toString("base64url");
    expect(await signInWith(assertPasskey(passkey, await options(), { userHandle: handle }))).toBeNull();
    const fine = assertPasskey(passkey, await options());
    expect(await signInWith(fine)).not.toBeNull();
    expect(await signInWith(fine)).toBeNull();
    // Without a user handle (some authenticators omit it), the credential alone decides.
    expect(await signInWith(assertPasskey(passkey, await options(), { userHandle: null }))).not.toBeNull();
    expect(await db.securityEvent.count({ where: { kind: "passkey.refused" } })).toBe(0);
  });

  it("refuses a disabled account, and an unconfirmed address while confirmation is required", async () => {
    const [disabled, unconfirmed] = [await someone(), await someone()];
    const disabledKey = await withPasskey(disabled);
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    expect(await signInWith(assertPasskey(disabledKey, await signInOptions()))).toBeNull();
    const unconfirmedKey = await withPasskey(unconfirmed);
    await db.user.update({ where: { id: unconfirmed.id }, data: { emailVerified: null } });
    expect(await signInWith(assertPasskey(unconfirmedKey, await signInOptions()))).toBeNull();
    expect(await db.session.count({ where: { userId: { in: [disabled.id, unconfirmed.id] } } })).toBe(0);
  });

  it("refuses a counter that does not grow, logs it as a possible copy and tells the owner", async () => {
    const user = await someone();
    const passkey = await withPasskey(user, "Security key", { counter: 10 });
    expect(await signInWith(assertPasskey(passkey, await signInOptions(), { counter: 15 }))).not.toBeNull();
    mocks.sent.length = 0;
    for (const stale of [15, 12, 0]) {
      expect(await signInWith(assertPasskey(passkey, await signInOptions(), { counter: stale }))).toBeNull();
    }
    const refused = await db.securityEvent.findMany({ where: { userId: user.id, kind: "passkey.refused" } });
    expect(refused).toHaveLength(3);
    expect(refused[0]?.details).toMatchObject({ name: "Security key", stored: 15 });
    expect(mocks.sent.map((mail) => mail.subject)).toEqual(
      Array(3).fill(expect.stringMatching(/a passkey sign-in was refused/i)),
    );
    expect((await db.passkey.findUniqueOrThrow({ where: { credentialId: passkey.id } })).counter).toBe(15n);
  });

  it("lets an authenticator without a counter sign in again and again", async () => {
    const user = await someone();
    const passkey = await withPasskey(user, "Synced", { counter: null });
    for (let i = 0; i < 3; i++)
      expect(await signInWith(assertPasskey(passkey, await signInOptions()))).not.toBeNull();
    expect((await db.passkey.findUniqueOrThrow({ where: { credentialId: passkey.id } })).counter).toBe(0n);
  });

  it("reports no copy for a stale counter without a valid signature", async () => {
    const user = await someone();
    const passkey = await withPasskey(user, "Key", { counter: 5 });
    const forged = assertPasskey(passkey, await signInOptions(), { counter: 1 });
    forged.response.signature = Buffer.from("not a signature").toString("base64url");
    expect(await signInWith(forged)).toBeNull();
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "passkey.refused" } })).toBe(0);
    expect(mocks.sent.some((mail) => /refused/.test(mail.subject))).toBe(false);
  });

  it("lets only one of two parallel sign-ins with the same counter through", async () => {
    const user = await someone();
    const passkey = await withPasskey(user, "Key", { counter: 1 });
    const [first, second] = [await signInOptions(), await signInOptions()];
    const fromThisBrowser = { ...context, cookieHeader: cookieHeader() };
    const results = await Promise.all([
      provePasskey(assertPasskey(passkey, first, { counter: 2 }), fromThisBrowser),
      provePasskey(assertPasskey(passkey, second, { counter: 2 }), fromThisBrowser),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("answers hostile input with null, never a throw", async () => {
    const passkey = await withPasskey(await someone());
    const valid = assertPasskey(passkey, await signInOptions());
    const hostile: unknown[] = [
      undefined,
      null,
      "string",
      { response: "not json" },
      { response: "{}" },
      { response: "null" },
      { response: JSON.stringify({ ...valid, type: "password" }) },
      { response: JSON.stringify({ ...valid, id: "../../etc" }) },
      { response: JSON.stringify({ ...valid, response: { ...valid.response, clientDataJSON: "%%%" } }) },
      { response: JSON.stringify({ ...valid, response: { ...valid.response, authenticatorData: "AAAA" } }) },
      { response: JSON.stringify({ ...valid, id: "unknown", rawId: "unknown" }) },
      { response: "x".repeat(100_000) },
      { response: ["array"] },
    ];
    for (const input of hostile) expect(await authorizePasskey(input, request())).toBeNull();
    // The tampered copies carried the real challenge, which went with the first of them.
    expect(await signInWith(valid)).toBeNull();
    expect(await signInWith(assertPasskey(passkey, await signInOptions()))).not.toBeNull();
  });
});

describe("a user's passkeys", () => {
  it("are listed, renamed and removed only by their owner", async () => {
    const [alice, bob] = [await someone(), await someone()];
    const alicesKey = await withPasskey(alice, "Alice's phone");
    await withPasskey(bob, "Bob's laptop");
    const [row] = await listPasskeys(alice.id);
    expect(row).toMatchObject({ name: "Alice's phone", lastUsedAt: null });
    expect(Object.keys(row!).sort()).toEqual(["createdAt", "id", "lastUsedAt", "name"]);
    expect((await listPasskeys(bob.id)).map(({ name }) => name)).toEqual(["Bob's laptop"]);

    expect(await renamePasskey(bob.id, row!.id, "Mine now")).toBe(false);
    const [aliceSession, bobSession] = [await sessionIdOf(alice), await sessionIdOf(bob)];
    expect(await removePasskey(bob, row!.id, bobSession, context)).toBe("not-found");
    expect(await db.passkey.findUniqueOrThrow({ where: { credentialId: alicesKey.id } })).toMatchObject({
      name: "Alice's phone",
    });
    expect(await renamePasskey(alice.id, row!.id, "Old phone")).toBe(true);
    expect(await removePasskey(alice, row!.id, aliceSession, context)).toEqual({ removed: "Old phone" });
    expect(await listPasskeys(alice.id)).toEqual([]);
    const [event] = await db.securityEvent.findMany({ where: { userId: alice.id, kind: "passkey.removed" } });
    expect(event?.details).toEqual({ name: "Old phone" });
    expect(await removePasskey(alice, row!.id, aliceSession, context)).toBe("not-found");
  });

  it("keep the last way to sign in: no password, no provider, one passkey", async () => {
    const user = await passwordless();
    await withPasskey(user, "First");
    await withPasskey(user, "Second");
    const [first, second] = await listPasskeys(user.id);
    const sessionId = await sessionIdOf(user);
    // Both at once: the user row's lock lets only one through.
    const both = await Promise.all([
      removePasskey(user, first!.id, sessionId, context),
      removePasskey(user, second!.id, sessionId, context),
    ]);
    expect(both.filter((result) => result === "last-way-in")).toHaveLength(1);
    const [last] = await listPasskeys(user.id);
    expect(await removePasskey(user, last!.id, sessionId, context)).toBe("last-way-in");
    await db.account.create({
      data: { userId: user.id, type: "oauth", provider: "github", providerAccountId: `gh-${user.id}` },
    });
    expect(await removePasskey(user, last!.id, sessionId, context)).toEqual({ removed: last!.name });
  });

  it("may all go when the account has a password", async () => {
    const user = await someone();
    await withPasskey(user);
    const [only] = await listPasskeys(user.id);
    expect(await removePasskey(user, only!.id, await sessionIdOf(user), context)).toEqual({
      removed: "Laptop",
    });
  });

  it("end every other session when one goes, in the same transaction, and void emailed links", async () => {
    const user = await someone();
    await withPasskey(user, "Cloned key");
    const [kept, other] = [await openSession(user.id), await openSession(user.id)];
    const keptId = (await validateSession(kept))!.sessionId;
    const { credentialVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await issueToken({ userId: user.id, email: user.email, purpose: "verify-email", ttlSeconds: 3600 });
    const [only] = await listPasskeys(user.id);
    expect(await removePasskey(user, only!.id, keptId, context)).toEqual({ removed: "Cloned key" });
    expect(await validateSession(other)).toBeNull();
    expect((await validateSession(kept))?.sessionId).toBe(keptId);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.credentialVersion).toBe(credentialVersion + 1);
    expect(await db.authToken.count({ where: { userId: user.id } })).toBe(0);
    // Refused, nothing else changes either.
    expect(await removePasskey(user, only!.id, keptId, context)).toBe("not-found");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).credentialVersion).toBe(
      credentialVersion + 1,
    );
  });
});

describe("the proof adding a passkey asks for", () => {
  it("is a recent sign-in, else the password, else (without one) a new sign-in", async () => {
    const [user, nopassword] = [await someone(), await passwordless()];
    const sessionId = (await validateSession(await openSession(user.id)))!.sessionId;
    expect(await proofToAddPasskey(user.id, sessionId)).toBe("recent-sign-in");
    expect(await proofToAddPasskey(nopassword.id, sessionId)).toBe("sign-in-again");
    await db.session.update({
      where: { id: sessionId },
      data: { createdAt: new Date(Date.now() - 6 * 60_000) },
    });
    expect(await proofToAddPasskey(user.id, sessionId)).toBe("password");
    const own = (await validateSession(await openSession(nopassword.id)))!.sessionId;
    await db.session.update({ where: { id: own }, data: { createdAt: new Date(Date.now() - 6 * 60_000) } });
    expect(await proofToAddPasskey(nopassword.id, own)).toBe("sign-in-again");
  });

  it("is the password and a code on an account with an authenticator app, however recent the sign-in", async () => {
    const { user } = await withTwoFactor();
    const sessionId = await sessionIdOf(user);
    expect(await proofToAddPasskey(user.id, sessionId)).toBe("password-and-code");
    await db.session.update({
      where: { id: sessionId },
      data: { createdAt: new Date(Date.now() - 6 * 60_000) },
    });
    expect(await proofToAddPasskey(user.id, sessionId)).toBe("password-and-code");
  });
});

describe("the /settings passkey actions", () => {
  it("add a passkey after the password is checked, and only for the signed-in user", async () => {
    const user = await someone();
    const sessionId = await signedIn(user);
    await db.session.update({
      where: { id: sessionId },
      data: { createdAt: new Date(Date.now() - 6 * 60_000) },
    });

    expect(await beginAddingPasskey(form({ name: "Phone" }))).toMatchObject({
      status: "error",
      fieldErrors: { currentPassword: [message("validation.passwordRequired")] },
    });
    expect(await beginAddingPasskey(form({ name: "Phone", currentPassword: "wrong" }))).toMatchObject({
      fieldErrors: { currentPassword: [message("validation.wrongCurrentPassword")] },
    });
    expect(await beginAddingPasskey(form({ name: " ", currentPassword: PASSWORD }))).toMatchObject({
      fieldErrors: { name: [message("settings.passkeys.nameRequired")] },
    });
    const begun = await beginAddingPasskey(form({ name: "Phone", currentPassword: PASSWORD }));
    if (begun.status !== "ready") throw new Error(`not ready: ${begun.message}`);
    const { response } = createPasskey(begun.optionsJSON);
    // The response is checked as the server sees it: JSON, bounded, of the right shape.
    expect(await finishAddingPasskey(form({ name: "Phone", response: "{" }))).toMatchObject({
      status: "error",
    });
    expect(await finishAddingPasskey(form({ name: "Phone", response: "x".repeat(20_000) }))).toMatchObject({
      status: "error",
    });
    expect(
      await finishAddingPasskey(form({ name: "Phone", response: JSON.stringify(response) })),
    ).toMatchObject({
      status: "success",
    });
    expect((await listPasskeys(user.id)).map(({ name }) => name)).toEqual(["Phone"]);
    expect(await finishAddingPasskey([] as unknown as FormData)).toMatchObject({ status: "error" });
  });

  it("need no password minutes after a sign-in, and a signed-in user", async () => {
    const user = await someone();
    expect(await redirectOf(beginAddingPasskey(form({ name: "Phone" })))).toBe("/login");
    await signedIn(user);
    const begun = await beginAddingPasskey(form({ name: "Phone" }));
    expect(begun.status).toBe("ready");
  });

  it("ask an account with an authenticator app for its password and a code, however recent the sign-in", async () => {
    const { user, secret, recoveryCodes } = await withTwoFactor();
    await signedIn(user);
    const WRONG_CODE = message("secondFactor.wrongCode");
    // Minutes old, which is enough for any other account, but not for this one.
    expect(await beginAddingPasskey(form({ name: "Phone" }))).toMatchObject({
      status: "error",
      fieldErrors: { currentPassword: [message("validation.passwordRequired")], code: [expect.any(String)] },
    });
    const code = await codeAt(secret);
    expect(await beginAddingPasskey(form({ name: "Phone", currentPassword: PASSWORD }))).toMatchObject({
      fieldErrors: { code: [message("secondFactor.codeHelp")] },
    });
    // The password first: a wrong one leaves the code unchecked and unused.
    expect(await beginAddingPasskey(form({ name: "Phone", currentPassword: "wrong", code }))).toMatchObject({
      fieldErrors: { currentPassword: [message("validation.wrongCurrentPassword")] },
    });
    const wrong = form({ name: "Phone", currentPassword: PASSWORD, code: await wrongCode(secret) });
    expect(await beginAddingPasskey(wrong)).toEqual({
      status: "error",
      message: "forms.correctFields",
      fieldErrors: { code: [WRONG_CODE] },
    });
    expect(await db.webAuthnChallenge.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.securityEvent.count({ where: { userId: user.id, kind: "two-factor.failed" } })).toBe(1);

    const begun = await beginAddingPasskey(form({ name: "Phone", currentPassword: PASSWORD, code }));
    if (begun.status !== "ready") throw new Error(`not ready: ${begun.message}`);
    const { response } = createPasskey(begun.optionsJSON);
    expect(
      await finishAddingPasskey(form({ name: "Phone", response: JSON.stringify(response) })),
    ).toMatchObject({ status: "success" });
    // That code is used up; a recovery code does in its place.
    expect(await beginAddingPasskey(form({ name: "Key", currentPassword: PASSWORD, code }))).toMatchObject({
      fieldErrors: { code: [WRONG_CODE] },
    });
    const recovery = form({ name: "Key", currentPassword: PASSWORD, code: recoveryCodes[0]! });
    expect((await beginAddingPasskey(recovery)).status).toBe("ready");
    expect((await listPasskeys(user.id)).map(({ name }) => name)).toEqual(["Phone"]);
  });

  it("answer too many wrong codes with a wait, as the second sign-in step does", async () => {
    const { user, secret } = await withTwoFactor();
    await signedIn(user);
    const attempt = async () =>
      beginAddingPasskey(form({ name: "Phone", currentPassword: PASSWORD, code: await wrongCode(secret) }));
    for (let i = 0; i < DELAY_FROM; i++) expect(await attempt()).toHaveProperty("fieldErrors.code");
    expect(await attempt()).toEqual({
      status: "error",
      message: expect.stringMatching(/^throttle\.tooManyAttempts\u001f/),
    });
    expect(await db.webAuthnChallenge.count({ where: { userId: user.id } })).toBe(0);
  });

  it("remove a passkey with its Rename field open, even emptied, and sign every other session out", async () => {
    const user = await someone();
    await withPasskey(user, "Old key");
    const other = await openSession(user.id);
    const current = await signedIn(user);
    const [row] = await listPasskeys(user.id);
    const idle = { status: "idle" } as const;
    expect(await passkeyRowAction(idle, form({ intent: "remove", passkeyId: row!.id, name: "" }))).toEqual({
      status: "success",
      message: message("settings.passkeys.removed", { name: "Old key" }),
    });
    expect(await listPasskeys(user.id)).toEqual([]);
    expect(await validateSession(other)).toBeNull();
    const { credentialVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await db.session.findUniqueOrThrow({ where: { id: current } })).toMatchObject({
      credentialVersion,
    });
  });

  it("rename and remove rows of the signed-in user only, keeping the last way in", async () => {
    const [owner, stranger] = [await passwordless(), await someone()];
    await withPasskey(owner, "Only key");
    const [only] = await listPasskeys(owner.id);
    await signedIn(stranger);
    const idle = { status: "idle" } as const;
    expect(await passkeyRowAction(idle, form({ intent: "remove", passkeyId: only!.id }))).toMatchObject({
      status: "error",
      message: message("settings.passkeys.notFoundRemoved"),
    });
    await signedIn(owner);
    expect(
      await passkeyRowAction(idle, form({ intent: "rename", passkeyId: only!.id, name: "" })),
    ).toMatchObject({
      fieldErrors: { name: [message("settings.passkeys.nameRequired")] },
    });
    expect(await passkeyRowAction(idle, form({ intent: "rename", passkeyId: only!.id }))).toMatchObject({
      fieldErrors: { name: [message("settings.passkeys.nameRequired")] },
    });
    expect(
      await passkeyRowAction(idle, form({ intent: "rename", passkeyId: only!.id, name: "  Yubikey  " })),
    ).toMatchObject({ status: "success" });
    expect(await passkeyRowAction(idle, form({ intent: "remove", passkeyId: only!.id }))).toMatchObject({
      status: "error",
      message: message("settings.passkeys.lastWayIn"),
    });
    expect((await listPasskeys(owner.id)).map(({ name }) => name)).toEqual(["Yubikey"]);
  });
});

describe("the /login passkey actions", () => {
  it("sign in with a passkey and go to the callbackUrl; every failure in the same words", async () => {
    const user = await someone();
    const passkey = await withPasskey(user);
    const options = await passkeySignInOptions();
    if (!("optionsJSON" in options)) throw new Error(options.message);
    expect(options.optionsJSON).toMatchObject({ rpId: "localhost", userVerification: "required" });
    expect(options.optionsJSON.allowCredentials ?? []).toEqual([]);
    const response = JSON.stringify(assertPasskey(passkey, options.optionsJSON));
    const fields = { response, remember: "false", callbackUrl: "/settings" };
    expect(await redirectOf(signInWithPasskey(null, form(fields)))).toBe("/settings");

    const refused = { message: message("login.passkeyRefused") };
    expect(await signInWithPasskey(null, form(fields))).toEqual(refused);
    expect(await signInWithPasskey(null, form({ response: "" }))).toEqual(refused);
    expect(await signInWithPasskey(null, "not a form" as unknown as FormData)).toEqual(refused);

    const next = await passkeySignInOptions();
    if (!("optionsJSON" in next)) throw new Error(next.message);
    const hostile = { ...fields, response: JSON.stringify(assertPasskey(passkey, next.optionsJSON)) };
    expect(
      await redirectOf(signInWithPasskey(null, form({ ...hostile, callbackUrl: "//evil.example" }))),
    ).toBe("/dashboard");
  });
});

describe("the passkey actions called with anything but a form", () => {
  const forged: unknown[] = [
    [1, 2],
    [["name", "x"]],
    { name: "x", get: () => "x" },
    "name=x",
    null,
    undefined,
    42,
  ];

  it("answer as to a bad form, never throw", async () => {
    const user = await someone();
    await signedIn(user);
    const idle = { status: "idle" } as const;
    for (const value of forged) {
      const asForm = value as FormData;
      expect(await beginAddingPasskey(asForm)).toMatchObject({ status: "error" });
      expect(await finishAddingPasskey(asForm)).toMatchObject({ status: "error" });
      expect(await passkeyRowAction(idle, asForm)).toMatchObject({ status: "error" });
      expect(await signInWithPasskey(null, asForm)).toEqual({
        message: message("login.passkeyRefused"),
      });
    }
  });
});
