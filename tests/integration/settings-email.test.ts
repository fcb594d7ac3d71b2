import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MailMessage } from "@/lib/mail/send";

const sent = vi.hoisted(() => [] as MailMessage[]);
vi.mock("@/lib/mail/outbox", async () => (await import("@/tests/helpers/outbox-spy")).recordMailInto(sent));

const { requestEmailChange } = await import("@/lib/account/change-email");
const { confirmEmailToken } = await import("@/lib/auth/email-verification");
const { hashPassword } = await import("@/lib/auth/password");
const { db } = await import("@/lib/db");
const { createUser } = await import("@/lib/users");

const context = { at: new Date("2026-11-21T10:00:00Z"), ip: "203.0.113.9", userAgent: "Firefox/128.0" };
const PASSWORD = "the current password";
let n = 0;

async function makeUser() {
  n += 1;
  const email = `old${n}@example.com`;
  const user = await createUser({ name: `E${n}`, email, passwordHash: await hashPassword(PASSWORD, 4) });
  return { ...user, email };
}

const emailOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).email;
const linkIn = (message: MailMessage) =>
  new URL(/https?:\/\/\S+verify-email\?token=\S+/.exec(message.text)![0]);

beforeEach(() => {
  sent.length = 0;
});

describe("changing the email address in settings", () => {
  it("mails a link to the new address and a notice to the old; the address changes only when the link is used", async () => {
    const user = await makeUser();
    const result = await requestEmailChange(
      user,
      { newEmail: `new${n}@example.com`, currentPassword: PASSWORD },
      context,
    );

    expect(result).toBe("requested");
    expect(await emailOf(user.id)).toBe(user.email);
    expect(sent.map((m) => m.to).sort()).toEqual([`new${n}@example.com`, user.email].sort());
    const notice = sent.find((m) => m.to === user.email)!;
    expect(notice.text).toContain(`new${n}@example.com`);
    expect(notice.text).toContain("203.0.113.9");
    expect(notice.text).not.toMatch(/verify-email\?token=/); // the link goes only to the new address
    const link = linkIn(sent.find((m) => m.to === `new${n}@example.com`)!);
    expect(link.pathname).toBe("/verify-email");
    const token = await db.authToken.findFirstOrThrow({
      where: { userId: user.id, purpose: "change-email" },
    });
    expect(token.email).toBe(`new${n}@example.com`);

    expect(await confirmEmailToken(link.searchParams.get("token")!, context)).toMatchObject({
      status: "email-changed",
    });
    expect(await emailOf(user.id)).toBe(`new${n}@example.com`);
    expect(await confirmEmailToken(link.searchParams.get("token")!, context)).toEqual({ status: "invalid" });
  });

  it("normalises the new address (the form's schema does the work)", async () => {
    const { changeEmailSchema } = await import("@/lib/validations/settings");
    const user = await makeUser();
    const input = changeEmailSchema.parse({ newEmail: `  New${n}@Example.COM `, currentPassword: PASSWORD });
    await requestEmailChange(user, input, context);
    const token = await db.authToken.findFirstOrThrow({
      where: { userId: user.id, purpose: "change-email" },
    });
    expect(token.email).toBe(`new${n}@example.com`);
  });

  it("an address that already has an account gets the same answer, and no mail goes to it", async () => {
    const owner = await makeUser();
    const user = await makeUser();
    await requestEmailChange(user, { newEmail: `free${n}@example.com`, currentPassword: PASSWORD }, context);
    const earlier = linkIn(sent.find((m) => m.to === `free${n}@example.com`)!);
    sent.length = 0;
    const result = await requestEmailChange(
      user,
      { newEmail: owner.email, currentPassword: PASSWORD },
      context,
    );

    expect(result).toBe("requested");
    expect(sent.map((m) => m.to)).toEqual([user.email]);
    expect(await db.authToken.count({ where: { userId: user.id, purpose: "change-email" } })).toBe(0);
    expect(await emailOf(user.id)).toBe(user.email);
    expect(await emailOf(owner.id)).toBe(owner.email);
    // The link from the earlier request stopped working, as it would for a free address.
    expect(await confirmEmailToken(earlier.searchParams.get("token")!, context)).toEqual({
      status: "invalid",
    });
  });

  it("a wrong current password sends nothing and issues no token", async () => {
    const user = await makeUser();
    const result = await requestEmailChange(
      user,
      { newEmail: "someone-else@example.com", currentPassword: "wrong password" },
      context,
    );
    expect(result).toEqual({ refused: "wrong-password" });
    expect(sent).toHaveLength(0);
    expect(await db.authToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it("the current address, in any letter case, is a field error, not a change", async () => {
    const { changeEmailSchema } = await import("@/lib/validations/settings");
    const user = await makeUser();
    const input = changeEmailSchema.parse({ newEmail: user.email.toUpperCase(), currentPassword: PASSWORD });
    expect(await requestEmailChange(user, input, context)).toBe("same-address");
    expect(sent).toHaveLength(0);
  });

  it("only the latest link works", async () => {
    const user = await makeUser();
    await requestEmailChange(user, { newEmail: `first${n}@example.com`, currentPassword: PASSWORD }, context);
    const first = linkIn(sent.find((m) => m.to === `first${n}@example.com`)!);
    await requestEmailChange(
      user,
      { newEmail: `second${n}@example.com`, currentPassword: PASSWORD },
      context,
    );
    expect(await confirmEmailToken(first.searchParams.get("token")!, context)).toEqual({ status: "invalid" });
    expect(await emailOf(user.id)).toBe(user.email);
  });
});
