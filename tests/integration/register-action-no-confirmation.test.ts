// With AUTH_REQUIRE_VERIFIED_EMAIL=false a new account is signed in at once, so hiding that an
// address is taken would hide nothing: the form says so.
import { describe, expect, it, vi } from "vitest";
import { message } from "@/lib/i18n/message";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
  process.env.AUTH_REQUIRE_VERIFIED_EMAIL = "false";
});
const sent = vi.hoisted(() => [] as unknown[]);
vi.mock("@/lib/mail/outbox", async () => (await import("@/tests/helpers/outbox-spy")).recordMailInto(sent));
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));

const { register } = await import("@/app/(auth)/register/actions");
const { createUser } = await import("@/lib/users");

describe("registering a taken address without required confirmation", () => {
  it("is a field error on Email, and no mail", async () => {
    await createUser({ name: "Owner", email: "taken@example.com", passwordHash: "x" });
    const data = new FormData();
    const password = "a long and unusual passphrase";
    for (const [key, value] of Object.entries({
      name: "Someone",
      email: "taken@example.com",
      password,
      confirmPassword: password,
    })) {
      data.set(key, value);
    }
    const state = await register({ status: "idle" }, data);
    expect(state.fieldErrors?.email).toEqual([message("register.emailTaken")]);
    expect(sent).toHaveLength(0);
  });
});
