import { createHash } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { linksIn, SmtpMailbox } from "@/tests/helpers/smtp-mailbox";

// A real SMTP server on loopback; the app's sender loop sends the outbox to it through EMAIL_SERVER.
const mailbox = await SmtpMailbox.start();
process.env.EMAIL_SERVER = mailbox.url;
process.env.AUTH_URL = "https://latchkey.example";
const { startMailSender, stopMailSender } = await import("@/lib/mail/sender");
startMailSender();
afterAll(async () => {
  await stopMailSender();
  await mailbox.close();
});

const { consumeToken, issueToken, revokeTokens } = await import("@/lib/auth/tokens");
const { openSession } = await import("@/tests/helpers/sessions");
const { confirmEmailToken, sendVerificationEmail } = await import("@/lib/auth/email-verification");
const { resetPassword, sendPasswordResetLink } = await import("@/lib/auth/password-reset");
const { hashPassword, verifyPassword } = await import("@/lib/auth/password");
const { validateSession } = await import("@/lib/auth/sessions");
const { db } = await import("@/lib/db");
const { createUser } = await import("@/lib/users");

const context = {
  at: new Date(),
  ip: "203.0.113.7",
  userAgent: "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0",
};
const HOUR = 3600;
let n = 0;
let user: { id: string; name: string | null; email: string };

/** A token for this test's user, valid for an hour, sent to `email` (the user's own by default). */
const issue = (purpose: Parameters<typeof issueToken>[0]["purpose"], email = user.email) =>
  issueToken({ userId: user.id, email, purpose, ttlSeconds: HOUR });

beforeEach(async () => {
  n += 1;
  user = await createUser({
    name: `T${n}`,
    email: `t${n}@example.com`,
    passwordHash: await hashPassword("old password 1"),
  });
});

/** The mail, once the sender loop has delivered it (a busy machine can take seconds). */
async function mailTo(address: string, subject: RegExp) {
  await expect
    .poll(() => mailbox.to(address).some((mail) => subject.test(mail.subject)), { timeout: 30_000 })
    .toBe(true);
  return mailbox
    .to(address)
    .filter((mail) => subject.test(mail.subject))
    .at(-1)!;
}

const tokenFrom = (link: string | undefined) => new URL(link ?? "").searchParams.get("token") ?? "";

describe("emailed tokens", () => {
  it("are 32 random bytes, stored only as a SHA-256 digest", async () => {
    const secret = await issue("verify-email");
    expect(Buffer.from(secret, "base64url")).toHaveLength(32);
    const rows = await db.authToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(createHash("sha256").update(secret).digest("base64url"));
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it("work once, for their purpose only, and return the user and address", async () => {
    const secret = await issue("reset-password");
    expect(await consumeToken(secret, "verify-email")).toBeNull();
    expect(await consumeToken(secret, "reset-password")).toEqual({ userId: user.id, email: user.email });
    expect(await consumeToken(secret, "reset-password")).toBeNull();
    expect(await consumeToken("", "reset-password")).toBeNull();
    expect(await consumeToken("x".repeat(10_000), "reset-password")).toBeNull();
  });

  it("expire", async () => {
    const secret = await issue("verify-email");
    await db.authToken.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await consumeToken(secret, "verify-email")).toBeNull();
  });

  it("a new token or a revocation voids the older ones", async () => {
    const first = await issue("reset-password");
    const second = await issue("reset-password");
    expect(await consumeToken(first, "reset-password")).toBeNull();
    await revokeTokens(user.id, ["reset-password"]);
    expect(await consumeToken(second, "reset-password")).toBeNull();
  });

  it("of ten parallel uses of one token, exactly one succeeds", async () => {
    const secret = await issue("verify-email");
    const results = await Promise.all(Array.from({ length: 10 }, () => consumeToken(secret, "verify-email")));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("go when their user is deleted", async () => {
    await issue("verify-email");
    await openSession(user.id, false, { userAgent: null, ip: null });
    await db.user.delete({ where: { id: user.id } });
    expect(await db.authToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("email verification", () => {
  it("mails a link built from AUTH_URL that confirms the address once", async () => {
    await sendVerificationEmail(user);
    const mail = await mailTo(user.email, /confirm your email/i);
    expect(mail.subject).toMatch(/latchkey/i);
    expect(mail.html).toContain("<a href=");
    const link = linksIn(mail.text).find((href) => href.includes("/verify-email?token="));
    expect(link?.startsWith("https://latchkey.example/verify-email?token=")).toBe(true);
    expect(await confirmEmailToken(tokenFrom(link), context)).toEqual({
      status: "verified",
      userId: user.id,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).not.toBeNull();
    expect(await confirmEmailToken(tokenFrom(link), context)).toEqual({ status: "invalid" });
  });

  it("is bound to the address it was sent to", async () => {
    const secret = await issue("verify-email");
    await db.user.update({ where: { id: user.id }, data: { email: `moved${n}@example.com` } });
    expect(await confirmEmailToken(secret, context)).toEqual({ status: "invalid" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeNull();
  });
});

describe("email change", () => {
  it("changes the address only when the new one is confirmed, and tells the old one", async () => {
    const newEmail = `new${n}@example.com`;
    const secret = await issue("change-email", newEmail);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect(await confirmEmailToken(secret, context)).toEqual({ status: "email-changed", userId: user.id });
    const changed = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(changed.email).toBe(newEmail);
    expect(changed.emailVerified).not.toBeNull();
    const notice = await mailTo(user.email, /email address was changed/i);
    expect(notice.text).toContain(newEmail);
    expect(notice.text).toContain("203.0.113.7");
    expect(notice.text).toContain("Firefox on Linux");
  });

  it("refuses an address that was taken meanwhile", async () => {
    const other = await createUser({ name: "O", email: `other${n}@example.com`, passwordHash: "x" });
    const secret = await issue("change-email", other.email);
    expect(await confirmEmailToken(secret, context)).toEqual({ status: "email-taken" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });
});

describe("password reset", () => {
  it("sets the password, signs out every session, voids the link and mails a notice", async () => {
    const sessions = await Promise.all([
      openSession(user.id, false, { userAgent: null, ip: null }),
      openSession(user.id, true, { userAgent: null, ip: null }),
    ]);
    await sendPasswordResetLink(user.email);
    const mail = await mailTo(user.email, /reset your password/i);
    const secret = tokenFrom(linksIn(mail.text).find((href) => href.includes("/reset-password?token=")));

    expect(await resetPassword(secret, "new password 22", context)).toBe(true);
    const updated = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("new password 22", updated.passwordHash ?? "")).toBe(true);
    for (const session of sessions) expect(await validateSession(session)).toBeNull();
    expect(await resetPassword(secret, "another password 3", context)).toBe(false);
    const notice = await mailTo(user.email, /password was changed/i);
    expect(notice.text).toContain("203.0.113.7");
  });

  it("sends nothing for an unknown address", async () => {
    const before = mailbox.messages.length;
    await sendPasswordResetLink(`nobody${n}@example.com`);
    expect(mailbox.messages.length).toBe(before);
  });
});
