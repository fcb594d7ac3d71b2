// The security event log: each flow writes its event once, with nothing secret in it; the
// notices go out from the event module; retention and the deletion rule.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MailMessage } from "@/lib/mail/send";
import { message } from "@/lib/i18n/message";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
});
const sent = vi.hoisted(() => [] as MailMessage[]);
vi.mock("@/lib/mail/outbox", async () => (await import("@/tests/helpers/outbox-spy")).recordMailInto(sent));
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));

const { changePassword } = await import("@/lib/account/change-password");
const { requestEmailChange } = await import("@/lib/account/change-email");
const { deleteAccount } = await import("@/lib/account/delete-account");
const { authorizeCredentials } = await import("@/lib/auth/authorize");
const { confirmEmailToken } = await import("@/lib/auth/email-verification");
const { resetPassword } = await import("@/lib/auth/password-reset");
const { validateSession } = await import("@/lib/auth/sessions");
const { LOCK_FROM } = await import("@/lib/auth/sign-in-throttle");
const { issueToken } = await import("@/lib/auth/tokens");
const { db } = await import("@/lib/db");
const { recentActivity } = await import("@/lib/events/recent");
const { pruneEvents } = await import("@/lib/events/retention");
const { createUser } = await import("@/lib/users");
const { openSession } = await import("@/tests/helpers/sessions");
const { confirmedUser } = await import("@/tests/helpers/users");
const { cookieHeader, cookieJar } = await import("@/tests/helpers/next-headers");

const PASSWORD = "the owner's own password";
const CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const context = { at: new Date(), ip: "203.0.113.7", userAgent: CHROME };
let n = 0;

async function owner() {
  n += 1;
  return confirmedUser({ name: `Owner ${n}`, email: `events${n}@example.com`, password: PASSWORD });
}

const eventsOf = (userId: string) =>
  db.securityEvent.findMany({ where: { userId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
const kindsOf = async (userId: string) => (await eventsOf(userId)).map((event) => event.kind);

function signIn(email: string, password = PASSWORD, cookie?: string) {
  const headers: Record<string, string> = { "user-agent": CHROME, "x-latchkey-client-ip": "198.51.100.20" };
  if (cookie) headers.cookie = cookie;
  return authorizeCredentials(
    { email, password },
    new Request("http://localhost/api/auth/callback/credentials", { method: "POST", headers }),
  );
}

beforeEach(() => {
  sent.length = 0;
  cookieJar.clear();
});

describe("security events", () => {
  it("a sign-in and a failed attempt are on the account's log, with address and device", async () => {
    const user = await owner();
    expect(await signIn(user.email, "not the password")).toBeNull();
    expect(await signIn(user.email)).not.toBeNull();
    const events = await eventsOf(user.id);
    expect(events.map((event) => [event.kind, event.ip, event.actorType])).toEqual([
      ["sign-in.failed", "198.51.100.20", "user"],
      ["sign-in.succeeded", "198.51.100.20", "user"],
    ]);
    expect(events[1]?.details).toEqual({ method: "password", factors: "password" });
    const activity = await recentActivity(user.id);
    const chromeOnLinux = message("device.browserOnOs", { browser: "Chrome", os: "Linux" });
    expect(activity.map((row) => [row.what, row.device])).toEqual([
      [message("events.signInSucceeded"), chromeOnLinux],
      [message("events.signInFailed"), chromeOnLinux],
    ]);
  });

  it("Recent activity shows an administrator's action without the administrator's address or device", async () => {
    const user = await owner();
    const { recordEvent } = await import("@/lib/events/record");
    const adminContext = {
      at: new Date(),
      ip: "192.0.2.44",
      userAgent: "Mozilla/5.0 (Macintosh) Safari/605.1",
    };
    await recordEvent({
      kind: "account.unlocked",
      userId: user.id,
      context: adminContext,
      actor: { type: "admin", id: "an-admin" },
    });
    const [row] = await recentActivity(user.id);
    expect(row).toMatchObject({
      what: message("events.accountUnlocked"),
      ip: null,
      device: message("settings.activity.byAdmin"),
    });
    // The audit log keeps them.
    expect((await eventsOf(user.id)).at(-1)).toMatchObject({
      ip: "192.0.2.44",
      actorType: "admin",
      actorId: "an-admin",
    });
  });

  it("a failed sign-in for an email without an account names nobody and stores no email", async () => {
    const before = await db.securityEvent.count({ where: { userId: null } });
    expect(await signIn("nobody-at-all@example.com")).toBeNull();
    const rows = await db.securityEvent.findMany({ where: { userId: null } });
    expect(rows).toHaveLength(before + 1);
    expect(JSON.stringify(rows)).not.toContain("nobody-at-all");
    expect(await db.user.count({ where: { email: "nobody-at-all@example.com" } })).toBe(0);
  });

  it("mails a new-sign-in notice for a browser the account has not used, not for the first or a known one", async () => {
    const user = await owner();
    expect(await signIn(user.email)).not.toBeNull(); // the first sign-in: nothing to report
    const known = cookieHeader();
    expect(sent.filter((mail) => /new sign-in/i.test(mail.subject))).toHaveLength(0);
    expect(await signIn(user.email, PASSWORD, known)).not.toBeNull();
    expect(sent.filter((mail) => /new sign-in/i.test(mail.subject))).toHaveLength(0);
    expect(await signIn(user.email)).not.toBeNull(); // another browser
    const notices = sent.filter((mail) => /new sign-in/i.test(mail.subject));
    expect(notices.map((mail) => mail.to)).toEqual([user.email]);
    expect(notices[0]!.text).toContain("Chrome on Linux");
  });

  it("each change of the account writes its event once, and its notice comes with it", async () => {
    const user = await owner();
    const sessionId = (await validateSession(await openSession(user.id)))!.sessionId;
    const newPassword = "a changed password of mine";
    await changePassword(user, sessionId, { currentPassword: PASSWORD, newPassword }, context);
    await requestEmailChange(
      user,
      { newEmail: `moved${n}@example.com`, currentPassword: newPassword },
      context,
    );
    const changeLink = sent
      .find((mail) => mail.to === `moved${n}@example.com`)!
      .text.match(/token=([\w-]+)/)![1]!;
    await confirmEmailToken(changeLink, context);
    const reset = await issueToken({
      userId: user.id,
      email: `moved${n}@example.com`,
      purpose: "reset-password",
      ttlSeconds: 600,
    });
    await resetPassword(reset, "reset to yet another password", context);
    expect(await kindsOf(user.id)).toEqual([
      "password.changed",
      "email.change-requested",
      "email.changed",
      "password.reset",
    ]);
    expect(sent.map((mail) => [mail.to, mail.subject.replace(/^Latchkey: /, "")])).toEqual([
      [user.email, "Your password was changed"],
      [`moved${n}@example.com`, "Confirm your new email address"],
      [user.email, "A change of your email address was requested"],
      [user.email, "Your email address was changed"],
      [`moved${n}@example.com`, "Your password was changed"],
    ]);
    const stored = JSON.stringify(await eventsOf(user.id));
    for (const secret of [PASSWORD, newPassword, changeLink, reset, "reset to yet another"]) {
      expect(stored).not.toContain(secret);
    }
  });

  it("a lock is logged as the system's doing, without the reset link its notice carries", async () => {
    const user = await owner();
    for (let i = 0; i < LOCK_FROM; i++) {
      await signIn(user.email, `guess ${i}`);
      await db.signInFailure.updateMany({ where: { email: user.email }, data: { lockedUntil: null } });
    }
    const lock = (await eventsOf(user.id)).filter((event) => event.kind === "lock.started");
    expect(lock).toHaveLength(1);
    expect(lock[0]).toMatchObject({ actorType: "system", details: { failures: LOCK_FROM } });
    const mail = sent.find((message) => /paused/i.test(message.subject))!;
    const token = mail.text.match(/token=([\w-]+)/)![1]!;
    expect(JSON.stringify(lock)).not.toContain(token);
  });

  it("a deleted account's events stay, without its address, device or details", async () => {
    const user = await owner();
    await signIn(user.email);
    expect(await deleteAccount(user, PASSWORD, context)).toBe("deleted");
    const events = await eventsOf(user.id);
    expect(events.map((event) => event.kind)).toEqual(["sign-in.succeeded", "account.deleted"]);
    for (const event of events) expect(event).toMatchObject({ ip: null, userAgent: null, details: null });
    expect(sent.some((mail) => mail.to === user.email && /deleted/i.test(mail.subject))).toBe(true);
  });

  it("are kept for SECURITY_EVENT_RETENTION_DAYS (365) and then pruned", async () => {
    const user = await owner();
    await signIn(user.email);
    const [event] = await eventsOf(user.id);
    await db.securityEvent.update({
      where: { id: event!.id },
      data: { at: new Date(Date.now() - 366 * 86_400_000) },
    });
    await db.securityEvent.create({
      data: {
        kind: "signed-out",
        userId: user.id,
        actorType: "user",
        at: new Date(Date.now() - 364 * 86_400_000),
      },
    });
    expect(await pruneEvents()).toBeGreaterThanOrEqual(1);
    expect(await kindsOf(user.id)).toEqual(["signed-out"]);
  });

  it("a confirmed address and a sign-out are logged once each; a sign-out with no row is not", async () => {
    const { endSession } = await import("@/lib/auth/sign-out");
    n += 1;
    const unconfirmed = await createUser({
      name: "U",
      email: `unconfirmed${n}@example.com`,
      passwordHash: "x",
    });
    const verify = await issueToken({
      userId: unconfirmed.id,
      email: unconfirmed.email,
      purpose: "verify-email",
      ttlSeconds: 600,
    });
    await confirmEmailToken(verify, context);
    const secret = await openSession(unconfirmed.id);
    await endSession(secret, context);
    await endSession(secret, context); // the row is gone: a second sign-out logs nothing
    expect(await kindsOf(unconfirmed.id)).toEqual(["email.confirmed", "signed-out"]);
  });
});
