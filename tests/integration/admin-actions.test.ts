// The admin console's actions through their server actions, as an admin's browser calls them
// (a real session, its cookie, the permission read from the database): what each changes,
// logs and mails, the guard rails, and the recent proof they need.
import { generate } from "otplib";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MailMessage } from "@/lib/mail/send";
import { previousStepCode } from "@/tests/helpers/totp";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
});
const sent = vi.hoisted(() => [] as MailMessage[]);
vi.mock("@/lib/mail/outbox", async () => (await import("@/tests/helpers/outbox-spy")).recordMailInto(sent));
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { lockAccountAction, unlockAccountAction } = await import("@/app/admin/users/[id]/actions/access");
const { confirmIdentityAction } = await import("@/app/admin/users/[id]/actions/confirm-identity");
const { resendConfirmationAction } = await import("@/app/admin/users/[id]/actions/confirmation-email");
const { saveRoleAction } = await import("@/app/admin/users/[id]/actions/role");
const { revokeUserSessionAction, signOutAllSessionsAction } =
  await import("@/app/admin/users/[id]/actions/sessions");
const { resetTwoFactorAction } = await import("@/app/admin/users/[id]/actions/two-factor");
const { PROOF_NEEDED } = await import("@/lib/admin/admin-action");
const { lockUser } = await import("@/lib/admin/account-lock");
const { changeRole } = await import("@/lib/admin/role-change");
const { authorizeCredentials } = await import("@/lib/auth/authorize");
const { beginPendingSignIn, takePendingSignIn } = await import("@/lib/auth/pending-sign-in");
const { validateSession } = await import("@/lib/auth/sessions");
const { TwoFactorRequiredError } = await import("@/lib/auth/sign-in-errors");
const { issueToken } = await import("@/lib/auth/tokens");
const { db } = await import("@/lib/db");
const { beginTotpSetup, hasTwoFactor } = await import("@/lib/second-factor/authenticator-app");
const { enableTwoFactor } = await import("@/lib/second-factor/enrolment");
const { createUser } = await import("@/lib/users");
const { cookieJar } = await import("@/tests/helpers/next-headers");
const { openSession, signInBrowserAs } = await import("@/tests/helpers/sessions");
const { confirmedUser } = await import("@/tests/helpers/users");
const { inEnglish } = await import("@/tests/helpers/english");
const PROOF_NEEDED_IN_ENGLISH = { ...PROOF_NEEDED, message: inEnglish(PROOF_NEEDED.message ?? "") };

const PASSWORD = "a long and unusual passphrase";
const context = { at: new Date(), ip: "203.0.113.30", userAgent: "vitest" };
let n = 0;

async function account(role = "user") {
  n += 1;
  const user = await confirmedUser({
    name: `Actions ${n}`,
    email: `actions${n}@example.com`,
    password: PASSWORD,
  });
  if (role !== "user") await db.user.update({ where: { id: user.id }, data: { role } });
  return user;
}

async function sessionOf(userId: string) {
  const secret = await openSession(userId);
  return { secret, id: (await validateSession(secret))!.sessionId };
}

/** This "browser" signed in as `userId`. */
async function signInAs(userId: string) {
  const { secret, sessionId } = await signInBrowserAs(userId);
  return { secret, id: sessionId };
}

/** An admin signed in on this "browser" and a plain user with two open sessions. */
async function adminAndUser() {
  const admin = await account("admin");
  const user = await account();
  const sessions = [await sessionOf(user.id), await sessionOf(user.id)];
  const adminSession = await signInAs(admin.id);
  return { admin, adminSession, user, sessions };
}

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
const idle = { status: "idle" } as const;
const confirmed = (userId: string, more: Record<string, string> = {}) =>
  form({ userId, confirm: "yes", ...more });

/** A redirect's target, or the form state the action answered (its message in English words). */
async function answerOf(promise: Promise<unknown>): Promise<{ redirect: string } | { state: unknown }> {
  try {
    const state = (await promise) as { message?: string };
    return { state: state.message ? { ...state, message: inEnglish(state.message) } : state };
  } catch (error) {
    const digest = String((error as { digest?: unknown } | null)?.digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT;")) return { redirect: digest.split(";")[2]! };
    throw error;
  }
}
const done = (userId: string, code: string) => ({ redirect: `/admin/users/${userId}?done=${code}` });
const refusal = (message: RegExp) => ({
  state: { status: "error", message: expect.stringMatching(message) },
});

const signInRequest = () =>
  new Request("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: { "user-agent": "vitest", "x-latchkey-client-ip": "203.0.113.7" },
  });
const signIn = (email: string) => authorizeCredentials({ email, password: PASSWORD }, signInRequest());

const eventsOf = (userId: string, kind: string) =>
  db.securityEvent.findMany({ where: { userId, kind }, orderBy: { at: "asc" } });

beforeEach(() => {
  sent.length = 0;
  cookieJar.clear();
});

describe("Lock account / Unlock account", () => {
  it("asks for confirmation first: without it nothing changes", async () => {
    const { user } = await adminAndUser();
    const answer = await answerOf(lockAccountAction(idle, form({ userId: user.id })));
    expect(answer).toEqual({
      state: expect.objectContaining({ fieldErrors: { confirm: [expect.any(String)] } }),
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).toBeNull();
  });

  it("a lock ends every session, link and pending sign-in and blocks sign-in; unlocking restores it", async () => {
    const { admin, user, sessions } = await adminAndUser();
    await issueToken({ userId: user.id, email: user.email, purpose: "reset-password", ttlSeconds: 3600 });
    const { credentialVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const pending = await beginPendingSignIn(
      { id: user.id, credentialVersion },
      { proof: { method: "password", factors: ["password"] }, remember: false, callbackUrl: "/" },
    );

    expect(await answerOf(lockAccountAction(idle, confirmed(user.id)))).toEqual(done(user.id, "locked"));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).toBeInstanceOf(Date);
    for (const session of sessions) expect(await validateSession(session.secret)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.authToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await takePendingSignIn(pending)).toBeNull();
    expect(await signIn(user.email)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    const [locked] = await eventsOf(user.id, "account.locked");
    expect(locked).toMatchObject({ actorType: "admin", actorId: admin.id, details: { sessions: 2 } });
    expect(sent.map((mail) => [mail.to, mail.subject])).toEqual([
      [user.email, "Latchkey: Your account was locked"],
    ]);
    // The owner learns when, not the admin's address or device.
    expect(sent[0]!.text).toContain("When:");
    expect(sent[0]!.text).not.toContain("IP address");

    expect(await answerOf(unlockAccountAction(idle, confirmed(user.id)))).toEqual(done(user.id, "unlocked"));
    expect(await signIn(user.email)).toMatchObject({ id: user.id, sessionSecret: expect.any(String) });
    expect(await eventsOf(user.id, "account.unlocked")).toEqual([
      expect.objectContaining({ actorType: "admin", actorId: admin.id }),
    ]);
    expect(sent.at(-1)).toMatchObject({ to: user.email, subject: "Latchkey: Your account was unlocked" });
  });

  it("an admin cannot lock themselves", async () => {
    const { admin, adminSession } = await adminAndUser();
    expect(await answerOf(lockAccountAction(idle, confirmed(admin.id)))).toEqual(
      refusal(/cannot lock your own account/i),
    );
    expect(await lockUser({ id: admin.id }, admin.id, context)).toBe("self");
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).disabledAt).toBeNull();
    expect(await db.session.count({ where: { id: adminSession.id } })).toBe(1);
    expect(sent).toEqual([]);
  });

  it("an unknown account is refused", async () => {
    await adminAndUser();
    expect(await answerOf(lockAccountAction(idle, confirmed("c0000000000000000000000000")))).toEqual(
      refusal(/does not exist/i),
    );
  });
});

describe("Role and Save role", () => {
  it("changes the role from the account's next request, logged with both roles and mailed", async () => {
    const { admin, user } = await adminAndUser();
    expect(await answerOf(saveRoleAction(idle, confirmed(user.id, { role: "admin" })))).toEqual(
      done(user.id, "role-saved"),
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("admin");
    expect(await eventsOf(user.id, "role.changed")).toEqual([
      expect.objectContaining({
        actorType: "admin",
        actorId: admin.id,
        details: { from: "user", to: "admin" },
      }),
    ]);
    expect(sent).toEqual([
      expect.objectContaining({ to: user.email, subject: "Latchkey: Your role was changed" }),
    ]);
    expect(sent[0]!.text).toContain("“Admin”");
  });

  it("refuses a role it does not know", async () => {
    const { user } = await adminAndUser();
    const answer = await answerOf(saveRoleAction(idle, confirmed(user.id, { role: "superuser" })));
    expect(answer).toEqual({
      state: expect.objectContaining({ fieldErrors: { role: [expect.any(String)] } }),
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("user");
  });

  it("an admin cannot change their own role", async () => {
    const { admin } = await adminAndUser();
    await account("admin"); // not the last admin: the refusal is about changing oneself
    expect(await answerOf(saveRoleAction(idle, confirmed(admin.id, { role: "user" })))).toEqual(
      refusal(/your own role/i),
    );
    expect(await changeRole({ id: admin.id }, admin.id, "user", context)).toBe("self");
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });
});

describe("Sign out all sessions", () => {
  it("ends every session of the account, logged with the admin as actor", async () => {
    const { admin, user, sessions } = await adminAndUser();
    expect(await answerOf(signOutAllSessionsAction(idle, confirmed(user.id)))).toEqual(
      done(user.id, "signed-out"),
    );
    for (const session of sessions) expect(await validateSession(session.secret)).toBeNull();
    expect(await eventsOf(user.id, "session.revoked")).toEqual([
      expect.objectContaining({ actorType: "admin", actorId: admin.id, details: { sessions: 2 } }),
    ]);
    expect(await signIn(user.email)).toMatchObject({ id: user.id }); // not a lock
  });

  it("on the admin's own account keeps the session doing it", async () => {
    const { admin } = await adminAndUser();
    const other = await sessionOf(admin.id);
    const here = await signInAs(admin.id);
    expect(await answerOf(signOutAllSessionsAction(idle, confirmed(admin.id)))).toEqual(
      done(admin.id, "signed-out"),
    );
    expect(await validateSession(other.secret)).toBeNull();
    expect(await validateSession(here.secret)).toMatchObject({ sessionId: here.id });
  });

  it("revokes one session of the account, and only of that account", async () => {
    const { admin, user, sessions, adminSession } = await adminAndUser();
    const stranger = await account();
    const theirs = await sessionOf(stranger.id);
    const revoke = (userId: string, sessionId: string) =>
      answerOf(revokeUserSessionAction(idle, form({ userId, sessionId })));
    expect(await revoke(user.id, sessions[0]!.id)).toEqual(done(user.id, "session-revoked"));
    expect(await validateSession(sessions[0]!.secret)).toBeNull();
    expect(await validateSession(sessions[1]!.secret)).not.toBeNull();
    expect(await revoke(user.id, theirs.id)).toEqual(refusal(/already ended/i));
    expect(await validateSession(theirs.secret)).not.toBeNull();
    expect(await revoke(admin.id, adminSession.id)).toEqual(refusal(/sign out instead/i));
  });
});

describe("Reset two-factor authentication", () => {
  async function withTwoFactor() {
    const setup = await adminAndUser();
    const { user } = setup;
    await db.totpCredential.create({ data: { userId: user.id, secret: "sealed", enabledAt: new Date() } });
    await db.recoveryCode.createMany({
      data: [1, 2, 3].map((i) => ({ userId: user.id, codeDigest: `digest-${user.id}-${i}` })),
    });
    await db.signInFailure.create({ data: { email: `second-factor:${user.id}`, failures: 20 } });
    return setup;
  }

  it("removes the app and recovery codes, ends every session and pending sign-in, and mails the owner", async () => {
    const { admin, user, sessions } = await withTwoFactor();
    // The person who lost their factors is stuck at the second step.
    await expect(signIn(user.email)).rejects.toBeInstanceOf(TwoFactorRequiredError);
    const pending = (await db.pendingSignIn.findFirst({ where: { userId: user.id } }))!;
    expect(pending).not.toBeNull();

    expect(await answerOf(resetTwoFactorAction(idle, confirmed(user.id)))).toEqual(
      done(user.id, "two-factor-reset"),
    );
    expect(await hasTwoFactor(user.id)).toBe(false);
    expect(await db.totpCredential.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.signInFailure.count({ where: { email: `second-factor:${user.id}` } })).toBe(0);
    for (const session of sessions) expect(await validateSession(session.secret)).toBeNull();
    // The pending sign-in was proven against the old credentials: it cannot finish now.
    const { credentialVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(credentialVersion).toBeGreaterThan(pending.credentialVersion);

    expect(await eventsOf(user.id, "two-factor.reset")).toEqual([
      expect.objectContaining({ actorType: "admin", actorId: admin.id }),
    ]);
    expect(sent).toEqual([
      expect.objectContaining({ to: user.email, subject: "Latchkey: Two-factor authentication was reset" }),
    ]);
    expect(await signIn(user.email)).toMatchObject({ id: user.id, sessionSecret: expect.any(String) });
  });

  it("refuses an account without two-factor, and the admin's own", async () => {
    const { admin, user } = await adminAndUser();
    expect(await answerOf(resetTwoFactorAction(idle, confirmed(user.id)))).toEqual(
      refusal(/does not have two-factor/i),
    );
    await db.totpCredential.create({ data: { userId: admin.id, secret: "sealed", enabledAt: new Date() } });
    expect(await answerOf(resetTwoFactorAction(idle, confirmed(admin.id)))).toEqual(refusal(/in Settings/));
    expect(await hasTwoFactor(admin.id)).toBe(true);
    expect(sent).toEqual([]);
  });
});

describe("Resend the confirmation email", () => {
  it("sends an unconfirmed account a new link, logged; a confirmed one is refused", async () => {
    const { admin, user } = await adminAndUser();
    n += 1;
    const unconfirmed = await createUser({
      name: "U",
      email: `unconfirmed${n}@example.com`,
      passwordHash: "x",
    });
    expect(await answerOf(resendConfirmationAction(idle, confirmed(unconfirmed.id)))).toEqual(
      done(unconfirmed.id, "confirmation-sent"),
    );
    expect(sent).toEqual([
      expect.objectContaining({ to: unconfirmed.email, subject: expect.stringMatching(/confirm/i) }),
    ]);
    expect(sent[0]!.text).toMatch(/\/verify-email/);
    expect(await eventsOf(unconfirmed.id, "email.confirmation-resent")).toEqual([
      expect.objectContaining({ actorType: "admin", actorId: admin.id }),
    ]);
    expect(await answerOf(resendConfirmationAction(idle, confirmed(unconfirmed.id)))).toEqual(
      refusal(/less than a minute ago/),
    );
    expect(await answerOf(resendConfirmationAction(idle, confirmed(user.id)))).toEqual(
      refusal(/already confirmed/),
    );
  });
});

describe("the recent proof", () => {
  const staleProof = (sessionId: string) =>
    db.session.update({ where: { id: sessionId }, data: { provenAt: new Date(Date.now() - 11 * 60_000) } });

  it("is needed by every action after 10 minutes; Confirm it's you with the password renews it", async () => {
    const { user, adminSession } = await adminAndUser();
    await staleProof(adminSession.id);
    for (const action of [
      lockAccountAction,
      signOutAllSessionsAction,
      resetTwoFactorAction,
      resendConfirmationAction,
    ]) {
      expect(await answerOf(action(idle, confirmed(user.id)))).toEqual({ state: PROOF_NEEDED_IN_ENGLISH });
    }
    expect(await answerOf(saveRoleAction(idle, confirmed(user.id, { role: "admin" })))).toEqual({
      state: PROOF_NEEDED_IN_ENGLISH,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      disabledAt: null,
      role: "user",
    });

    const wrong = await answerOf(
      confirmIdentityAction(idle, form({ userId: user.id, currentPassword: "not the password" })),
    );
    expect(wrong).toEqual({
      state: expect.objectContaining({ fieldErrors: { currentPassword: [expect.any(String)] } }),
    });
    expect(await answerOf(lockAccountAction(idle, confirmed(user.id)))).toEqual({
      state: PROOF_NEEDED_IN_ENGLISH,
    });

    expect(
      await answerOf(confirmIdentityAction(idle, form({ userId: user.id, currentPassword: PASSWORD }))),
    ).toEqual(done(user.id, "proven"));
    const { provenAt } = await db.session.findUniqueOrThrow({ where: { id: adminSession.id } });
    expect(Date.now() - provenAt.getTime()).toBeLessThan(60_000);
    expect(await answerOf(lockAccountAction(idle, confirmed(user.id)))).toEqual(done(user.id, "locked"));
  });

  it("takes a code from the authenticator app instead, for an admin with two-factor on", async () => {
    const admin = await account("admin");
    const enrolling = await sessionOf(admin.id);
    const secret = (await beginTotpSetup(admin.id))!;
    const earlier = await previousStepCode(secret);
    const enabled = await enableTwoFactor(
      admin,
      enrolling.id,
      { code: earlier, currentPassword: PASSWORD },
      context,
    );
    expect(enabled).toMatchObject({ recoveryCodes: expect.any(Array) });
    const user = await account();
    const here = await signInAs(admin.id);
    await staleProof(here.id);

    const codeOnly = (code: string) => answerOf(confirmIdentityAction(idle, form({ userId: user.id, code })));
    expect(await codeOnly("000000")).toEqual({
      state: expect.objectContaining({ fieldErrors: { code: [expect.any(String)] } }),
    });
    expect(await codeOnly(await generate({ secret, epoch: Math.floor(Date.now() / 1000) }))).toEqual(
      done(user.id, "proven"),
    );
    expect(await answerOf(signOutAllSessionsAction(idle, confirmed(user.id)))).toEqual(
      done(user.id, "signed-out"),
    );
  });

  it("an admin without a password or an app must sign in again", async () => {
    const admin = await account("admin");
    await db.user.update({ where: { id: admin.id }, data: { passwordHash: null } });
    const here = await signInAs(admin.id);
    await staleProof(here.id);
    expect(
      await answerOf(confirmIdentityAction(idle, form({ userId: admin.id, currentPassword: "anything" }))),
    ).toEqual(refusal(/sign in again/));
  });
});
