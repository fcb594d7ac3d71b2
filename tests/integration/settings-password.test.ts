import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MailMessage } from "@/lib/mail/send";

const sent = vi.hoisted(() => [] as MailMessage[]);
vi.mock("@/lib/mail/outbox", async () => (await import("@/tests/helpers/outbox-spy")).recordMailInto(sent));

const { changePassword } = await import("@/lib/account/change-password");
const { openSession } = await import("@/tests/helpers/sessions");
const { verifyCredentials } = await import("@/lib/auth/credentials");
const { hashPassword } = await import("@/lib/auth/password");
const { validateSession } = await import("@/lib/auth/sessions");
const { issueToken, consumeToken } = await import("@/lib/auth/tokens");
const { createUser } = await import("@/lib/users");

const context = { at: new Date("2026-11-21T10:00:00Z"), ip: "203.0.113.9", userAgent: "Firefox/128.0" };
const client = { userAgent: "vitest", ip: "127.0.0.1" };
const PASSWORD = "the current password";
let n = 0;

async function makeUser() {
  n += 1;
  const email = `pw${n}@example.com`;
  const user = await createUser({ name: `P${n}`, email, passwordHash: await hashPassword(PASSWORD, 4) });
  return { ...user, email };
}

beforeEach(() => {
  sent.length = 0;
});

describe("changing the password in settings", () => {
  it("keeps this session, ends every other one, voids reset links and sends a notice", async () => {
    const user = await makeUser();
    const here = await openSession(user.id, false, client);
    const elsewhere = await Promise.all([1, 2].map(() => openSession(user.id, true, client)));
    const hereId = (await validateSession(here))!.sessionId;
    const resetLink = await issueToken({
      userId: user.id,
      email: user.email,
      purpose: "reset-password",
      ttlSeconds: 3600,
    });

    const result = await changePassword(
      user,
      hereId,
      { currentPassword: PASSWORD, newPassword: "a brand new password" },
      context,
    );

    expect(result).toBe("changed");
    expect(await validateSession(here)).not.toBeNull();
    for (const secret of elsewhere) expect(await validateSession(secret)).toBeNull();
    expect(await consumeToken(resetLink, "reset-password")).toBeNull();
    expect(await verifyCredentials(user.email, PASSWORD)).toBeNull();
    expect(await verifyCredentials(user.email, "a brand new password")).toMatchObject({ id: user.id });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      to: user.email,
      subject: expect.stringMatching(/password was changed/i),
    });
    expect(sent[0]!.text).toContain("203.0.113.9");
    expect(sent[0]!.text).not.toContain("a brand new password");
  });

  it("a wrong current password changes nothing and ends no session", async () => {
    const user = await makeUser();
    const here = await openSession(user.id, false, client);
    const elsewhere = await openSession(user.id, false, client);
    const hereId = (await validateSession(here))!.sessionId;

    const result = await changePassword(
      user,
      hereId,
      { currentPassword: "not the password", newPassword: "a brand new password" },
      context,
    );

    expect(result).toEqual({ refused: "wrong-password" });
    expect(await validateSession(elsewhere)).not.toBeNull();
    expect(await verifyCredentials(user.email, PASSWORD)).toMatchObject({ id: user.id });
    expect(sent).toHaveLength(0);
  });
});
