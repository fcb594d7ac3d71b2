import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/locales";
import { renderMail, type MailData, type MailKind } from "@/lib/mail/templates";
import { linksIn } from "@/tests/helpers/smtp-mailbox";

const USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const context = { at: new Date("2026-11-21T05:00:00Z"), ip: "198.51.100.4", userAgent: USER_AGENT };
const link = "https://auth.example.com/verify-email?token=abc-DEF_123";
const linkMail = { name: "Ada Lovelace", link, validFor: 86_400 };
const notice = { name: "Ada Lovelace", context };

/** One sample of every mail Latchkey sends. */
const SAMPLES: { [K in MailKind]: MailData[K] } = {
  verifyEmail: linkMail,
  resetPassword: linkMail,
  setPassword: linkMail,
  emailChangeRequested: linkMail,
  passwordChanged: notice,
  passwordReset: notice,
  emailChangeRequestedNotice: { ...notice, newEmail: "new@example.com" },
  emailChanged: { ...notice, newEmail: "new@example.com" },
  accountDeleted: notice,
  accountLocked: { ...notice, until: new Date("2026-11-21T05:15:00Z"), resetLink: link },
  accountExists: notice,
  newSignIn: notice,
  twoFactorEnabled: notice,
  twoFactorDisabled: notice,
  twoFactorLocked: { ...notice, until: null },
  recoveryCodesRegenerated: notice,
  recoveryCodeUsed: { ...notice, remaining: 3 },
  passkeyAdded: { ...notice, passkey: "YubiKey" },
  passkeyRemoved: { ...notice, passkey: "YubiKey" },
  passkeyRefused: { ...notice, passkey: "YubiKey" },
  providerConnected: { ...notice, provider: "GitHub" },
  providerDisconnected: { ...notice, provider: "GitHub" },
  accountLockedByAdmin: notice,
  accountUnlocked: notice,
  twoFactorReset: notice,
  roleChanged: { ...notice, role: "admin" },
};
const KINDS = Object.keys(SAMPLES) as MailKind[];
const ARABIC = /[\u0600-\u06ff]/;

describe.each(LOCALES)("every mail in %s", (locale) => {
  it.each(KINDS)("%s renders whole: no raw key, no raw user agent, links intact", async (kind) => {
    const mail = await renderMail(kind, "ada@example.com", SAMPLES[kind] as never, locale);
    for (const body of [mail.subject, mail.text, mail.html]) {
      expect(body).not.toContain("⟦");
      expect(body).not.toMatch(/Mozilla|AppleWebKit|KHTML/);
    }
    expect(mail.subject).toMatch(/^Latchkey: /);
    expect(mail.html).toContain(`<html lang="${locale}" dir="${locale === "ar" ? "rtl" : "ltr"}">`);
    const data = SAMPLES[kind] as Partial<{ link: string; resetLink: string; context: unknown }>;
    const sent = data.link ?? data.resetLink;
    if (sent) {
      expect(linksIn(mail.text)).toContain(sent);
      expect(mail.html).toContain(`<a href="${sent}"`);
      // The address itself is set left to right, even inside Arabic text.
      expect(mail.html).toContain(`<p dir="ltr"`);
    }
    if (kind !== "verifyEmail" && kind !== "resetPassword" && kind !== "setPassword") {
      if (kind !== "emailChangeRequested") expect(mail.text).toMatch(/2026|٢٠٢٦/);
    }
  });
});

describe("in Arabic", () => {
  it("a confirmation email is Arabic in its subject and both bodies, right to left, with the link as sent", async () => {
    const mail = await renderMail("verifyEmail", "ada@example.com", linkMail, "ar");
    expect(mail.subject).toBe("Latchkey: أكِّد عنوان بريدك الإلكتروني");
    expect(mail.text.split("\n")[0]).toBe("مرحبًا Ada Lovelace،");
    expect(mail.text).toContain("تأكيد عنوان البريد الإلكتروني: " + link);
    expect(mail.text).toMatch(/بعد (24|٢٤) ساعة\./);
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.html).toContain("<bdi>ada@example.com</bdi>");
    expect(mail.text).not.toMatch(/Hello|Please|expires/);
  });

  it("security notices name the device and the moment in Arabic, and keep addresses apart", async () => {
    const mail = await renderMail("newSignIn", "ada@example.com", notice, "ar");
    expect(mail.text).toContain("الجهاز: Chrome على Linux");
    expect(mail.text).toContain("عنوان IP: 198.51.100.4");
    expect(mail.text).toMatch(/الوقت: .*نوفمبر/);
    expect(mail.html).toContain("<bdi>Chrome على Linux</bdi>");
    expect(ARABIC.test(mail.subject)).toBe(true);
  });

  it("counts with the right Arabic plural", async () => {
    const left = async (remaining: number) =>
      (await renderMail("recoveryCodeUsed", "a@example.com", { ...notice, remaining }, "ar")).text;
    expect(await left(0)).toContain("لم يبقَ لديك أي رمز استرداد");
    expect(await left(1)).toContain("بقي لديك رمز استرداد واحد.");
    expect(await left(2)).toContain("بقي لديك رمزا استرداد.");
    expect(await left(3)).toMatch(/بقيت لديك [3٣] رموز استرداد\./);
  });
});

describe("notices say exactly what happened", () => {
  it("a password changed in Settings ends the other sessions; a reset ends every one", async () => {
    const changed = await renderMail("passwordChanged", "a@example.com", notice, "en");
    const reset = await renderMail("passwordReset", "a@example.com", notice, "en");
    expect(changed.text).toContain("your other sessions were signed out");
    expect(changed.text).not.toContain("every session was signed out");
    expect(reset.text).toContain("every session was signed out");
  });

  it("a role is named in words", async () => {
    const mail = await renderMail("roleChanged", "a@example.com", { ...notice, role: "admin" }, "ar");
    expect(mail.text).toContain("«مسؤول»");
  });
});

describe("the device, as the sessions list names it", () => {
  const deviceLine = async (userAgent: string | null, locale: "en" | "ar") => {
    const mail = await renderMail(
      "newSignIn",
      "a@example.com",
      { ...notice, context: { ...context, userAgent } },
      locale,
    );
    return mail.text.split("\n").find((line) => /^(Device|الجهاز): /.test(line));
  };

  it("in English: browser on system, or what is known of it", async () => {
    expect(await deviceLine(USER_AGENT, "en")).toBe("Device: Chrome on Linux");
    expect(await deviceLine("Mozilla/5.0 (Linux) Unknown/1.0", "en")).toBe("Device: Browser on Linux");
    expect(await deviceLine("curl/8.5.0", "en")).toBe("Device: curl");
    expect(await deviceLine(null, "en")).toBe("Device: Unknown device");
  });

  it("in Arabic words around the product names, which stay as they are", async () => {
    expect(await deviceLine(USER_AGENT, "ar")).toBe("الجهاز: Chrome على Linux");
    expect(await deviceLine("Mozilla/5.0 (Linux) Unknown/1.0", "ar")).toBe("الجهاز: متصفح على Linux");
    expect(await deviceLine("curl/8.5.0", "ar")).toBe("الجهاز: curl");
    expect(await deviceLine(null, "ar")).toBe("الجهاز: جهاز غير معروف");
  });
});
