import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { linksIn, SmtpMailbox } from "@/tests/helpers/smtp-mailbox";

const mailbox = await SmtpMailbox.start();
process.env.EMAIL_SERVER = mailbox.url;
process.env.EMAIL_FROM = "Latchkey Test <no-reply@latchkey.test>";
process.env.AUTH_URL = "https://auth.example.com/";
afterAll(() => mailbox.close());
afterEach(() => vi.restoreAllMocks());

const { absoluteUrl } = await import("@/lib/mail/links");
const { deliverWithRetries, queueMail, sendMail } = await import("@/lib/mail/send");
const templates = await import("@/lib/mail/templates");

const context = { at: new Date("2026-11-21T05:00:00Z"), ip: "198.51.100.4", userAgent: "Firefox <script>" };

describe("links", () => {
  it("come from AUTH_URL only", () => {
    expect(absoluteUrl("/reset-password?token=abc")).toBe(
      "https://auth.example.com/reset-password?token=abc",
    );
  });
});

describe("templates", () => {
  it("name the product in the subject and carry the link in both bodies, HTML escaped", () => {
    const link = "https://auth.example.com/verify-email?token=a&b";
    const mail = templates.verifyEmailMail("ada@example.com", { name: "Ada <b>", link });
    expect(mail.subject).toBe("Latchkey: Confirm your email address");
    expect(linksIn(mail.text)).toContain(link);
    expect(mail.html).toContain('href="https://auth.example.com/verify-email?token=a&#38;b"');
    expect(mail.html).not.toContain("<b>");
  });

  it("security notices say when, from which address and device, and what to do", () => {
    for (const mail of [
      templates.passwordChangedMail("ada@example.com", { name: null, context }),
      templates.emailChangedNoticeMail("ada@example.com", {
        name: null,
        newEmail: "new@example.com",
        context,
      }),
      templates.accountDeletedMail("ada@example.com", { name: null, context }),
      templates.accountLockedMail("ada@example.com", {
        name: null,
        until: new Date("2026-11-21T05:15:00Z"),
        resetLink: "https://auth.example.com/forgot-password",
        context,
      }),
    ]) {
      expect(mail.text).toContain("2026-11-21 05:00:00 UTC");
      expect(mail.text).toContain("198.51.100.4");
      expect(mail.text).toContain("Firefox <script>");
      expect(mail.html).toContain("Firefox &#60;script&#62;");
      expect(mail.text).toMatch(/if (this was not you|these attempts were not yours)/i);
    }
  });

  it("a lock with no end (too many failures in a row) says a new password ends it, not a date", () => {
    const timed = { name: null, resetLink: "https://auth.example.com/r", context };
    expect(
      templates.accountLockedMail("ada@example.com", { ...timed, until: new Date("2026-11-21T05:15:00Z") })
        .text,
    ).toContain("paused until 2026-11-21 05:15:00 UTC.");
    const open = templates.accountLockedMail("ada@example.com", { ...timed, until: null });
    expect(open.text).toContain("paused until you choose a new password.");
    expect(open.text).not.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\./);
  });
});

describe("sending", () => {
  it("delivers over SMTP with a text and an HTML part", async () => {
    await sendMail(
      templates.resetPasswordMail("grace@example.com", { name: "Grace", link: "https://x.test/r" }),
    );
    const [mail] = mailbox.to("grace@example.com");
    expect(mail?.subject).toBe("Latchkey: Reset your password");
    expect(mail?.headers.from).toContain("no-reply@latchkey.test");
    expect(mail?.text).toContain("Hello Grace,");
    expect(mail?.html).toContain("<a href=");
  });

  it("queueMail sends in the background outside a request, and never throws", async () => {
    expect(() =>
      queueMail(templates.verifyEmailMail("queued@example.com", { name: null, link: "https://x.test/v" })),
    ).not.toThrow();
    await expect.poll(() => mailbox.to("queued@example.com").length).toBe(1);
  });

  it("retries a failed send, then logs recipient and subject but never the body", async () => {
    const failing = vi.fn().mockRejectedValue(new Error("connection refused"));
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const message = templates.resetPasswordMail("lost@example.com", {
      name: null,
      link: "https://x.test/reset-password?token=SECRET",
    });
    expect(await deliverWithRetries(message, [0, 0], failing)).toBe(false);
    expect(failing).toHaveBeenCalledTimes(3);
    const logged = errors.mock.calls.flat().join("\n");
    expect(logged).toContain("lost@example.com");
    expect(logged).not.toContain("SECRET");
  });
});
