// Registration must not tell whether an address has an account when confirmation is
// required (the default): it answers as for a new one, and mails the address's owner.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MailMessage } from "@/lib/mail/send";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
});
const sent = vi.hoisted(() => [] as MailMessage[]);
vi.mock("@/lib/mail/outbox", async () => (await import("@/tests/helpers/outbox-spy")).recordMailInto(sent));
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("next/navigation", () => import("@/tests/helpers/next-navigation"));

const { register } = await import("@/app/(auth)/register/actions");
const { db } = await import("@/lib/db");
const { MAILS_PER_ADDRESS_PER_DAY } = await import("@/lib/mail/daily-cap");

const form = (email: string, name = "Grace Hopper") => {
  const data = new FormData();
  const password = "a long and unusual passphrase";
  for (const [key, value] of Object.entries({ name, email, password, confirmPassword: password })) {
    data.set(key, value);
  }
  return data;
};
/** The page the action sent the browser to, or its form state. */
const answer = (email: string, name?: string) =>
  register({ status: "idle" }, form(email, name)).then(
    (state) => state,
    (error: { redirectTo?: string }) => error.redirectTo ?? Promise.reject(error),
  );

beforeEach(() => {
  sent.length = 0;
});

describe("registering an address", () => {
  it("that is new ends on the check-your-inbox page with a confirmation link", async () => {
    expect(await answer("new-person@example.com")).toBe("/check-email");
    expect(sent.map((mail) => [mail.to, mail.subject])).toEqual([
      ["new-person@example.com", expect.stringMatching(/confirm your email/i)],
    ]);
  });

  it("that has an account answers the same, and tells the owner instead", async () => {
    await answer("taken@example.com", "The Owner");
    sent.length = 0;
    expect(await answer("TAKEN@example.com", "Someone Else")).toBe("/check-email");
    expect(sent).toHaveLength(1);
    const [notice] = sent;
    expect(notice!.to).toBe("taken@example.com");
    expect(notice!.subject).toMatch(/tried to create an account/i);
    expect(notice!.text).toMatch(/Hello The Owner/);
    expect(notice!.text).not.toMatch(/token=/);
    expect(await db.user.count({ where: { email: "taken@example.com" } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { email: "taken@example.com" } })).name).toBe(
      "The Owner",
    );
  });

  it(`mails the owner at most ${MAILS_PER_ADDRESS_PER_DAY} such notices a day`, async () => {
    await answer("often@example.com");
    sent.length = 0;
    for (let i = 0; i < MAILS_PER_ADDRESS_PER_DAY + 2; i++) await answer("often@example.com");
    expect(sent).toHaveLength(MAILS_PER_ADDRESS_PER_DAY);
  });
});
