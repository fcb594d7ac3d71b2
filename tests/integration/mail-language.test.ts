// Mail speaks its reader's language: an address that is no account's yet is written to in the
// language of the request that caused the mail; an account, in its saved language, whatever
// the language of the request.
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
const { sendPasswordResetLink } = await import("@/lib/auth/password-reset");
const { db } = await import("@/lib/db");
const { recordEvent } = await import("@/lib/events/record");
const { cookieJar, requestHeaders } = await import("@/tests/helpers/next-headers");
const { linksIn } = await import("@/tests/helpers/smtp-mailbox");
const { confirmedUser } = await import("@/tests/helpers/users");

const PASSWORD = "a long and unusual passphrase";
const ARABIC = /[\u0600-\u06ff]/;

function registration(email: string) {
  const data = new FormData();
  for (const [key, value] of Object.entries({
    name: "Layla",
    email,
    password: PASSWORD,
    confirmPassword: PASSWORD,
  })) {
    data.set(key, value);
  }
  return register({ status: "idle" }, data).catch((error: { redirectTo?: string }) => {
    if (!error.redirectTo) throw error;
    return error.redirectTo;
  });
}

/** An Arabic confirmation email: Arabic words, right to left, the link as it was issued. */
function expectArabicConfirmation(mail: MailMessage | undefined) {
  expect(mail).toBeDefined();
  expect(mail!.subject).toBe("Latchkey: أكِّد عنوان بريدك الإلكتروني");
  expect(mail!.text.split("\n")[0]).toBe("مرحبًا Layla،");
  expect(mail!.text).toMatch(/تأكيد عنوان البريد الإلكتروني: https?:\/\/\S+\/verify-email\?token=[\w-]+/);
  expect(mail!.html).toContain('<html lang="ar" dir="rtl">');
  const [link] = linksIn(mail!.text).filter((href) => href.includes("/verify-email?token="));
  // The link is whole in both parts, and set left to right inside the Arabic text.
  expect(mail!.html).toContain(`<a href="${link}"`);
  expect(mail!.html).toMatch(new RegExp(`<p dir="ltr"[^>]*><a href="${link!.replace(/[.?]/g, "\\$&")}"`));
  expect(mail!.text).not.toMatch(/Hello|Please confirm|expires/);
}

beforeEach(() => {
  sent.length = 0;
  cookieJar.clear();
  requestHeaders.clear();
});

describe("an Arabic registration", () => {
  it("by the Language choice (the cookie) gets its confirmation email in Arabic", async () => {
    cookieJar.set("latchkey-locale", "ar");
    expect(await registration("layla.cookie@example.com")).toBe("/check-email");
    expectArabicConfirmation(sent.find((mail) => mail.to === "layla.cookie@example.com"));
  });

  it("by the browser's Accept-Language gets it in Arabic too", async () => {
    requestHeaders.set("accept-language", "ar-EG,ar;q=0.9,en;q=0.5");
    expect(await registration("layla.browser@example.com")).toBe("/check-email");
    expectArabicConfirmation(sent.find((mail) => mail.to === "layla.browser@example.com"));
  });

  it("and an English one gets it in English", async () => {
    requestHeaders.set("accept-language", "en-GB,en;q=0.9");
    await registration("lee@example.com");
    expect(sent.find((mail) => mail.to === "lee@example.com")?.subject).toBe(
      "Latchkey: Confirm your email address",
    );
  });
});

describe("an account whose saved language is Arabic", () => {
  async function arabicAccount(email: string) {
    const user = await confirmedUser({ name: "Omar", email, password: PASSWORD });
    await db.user.update({ where: { id: user.id }, data: { locale: "ar" } });
    // The request says English, by choice and by browser.
    cookieJar.set("latchkey-locale", "en");
    requestHeaders.set("accept-language", "en");
    return user;
  }

  it("gets its security notices in Arabic, the device named in Arabic", async () => {
    const user = await arabicAccount("omar.notice@example.com");
    const context = {
      at: new Date(),
      ip: "203.0.113.5",
      userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    };
    await recordEvent(
      { kind: "password.changed", userId: user.id, context },
      { to: { email: user.email, name: "Omar" }, data: {} },
    );
    const [notice] = sent;
    expect(notice?.subject).toBe("Latchkey: تم تغيير كلمة مرورك");
    expect(notice?.text).toContain("وسُجِّل الخروج من جلساتك الأخرى");
    expect(notice?.text).toContain("الجهاز: Firefox على Linux");
    expect(notice?.html).toContain('dir="rtl"');
    expect(notice?.text).not.toMatch(/Mozilla|Gecko/);
  });

  it("gets its password reset link in Arabic", async () => {
    await arabicAccount("omar.reset@example.com");
    await sendPasswordResetLink("omar.reset@example.com");
    const [mail] = sent;
    expect(mail?.subject).toBe("Latchkey: إعادة تعيين كلمة المرور");
    expect(ARABIC.test(mail?.text ?? "")).toBe(true);
    expect(linksIn(mail?.text ?? "").some((href) => href.includes("/reset-password?token="))).toBe(true);
  });
});
