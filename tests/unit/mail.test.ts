import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type { SecurityContext } from "@/lib/request-context";
import { linksIn, SmtpMailbox } from "@/tests/helpers/smtp-mailbox";

const mailbox = await SmtpMailbox.start();
process.env.EMAIL_SERVER = mailbox.url;
process.env.EMAIL_FROM = "Latchkey Test <no-reply@latchkey.test>";
process.env.AUTH_URL = "https://auth.example.com/";
afterAll(() => mailbox.close());
afterEach(() => vi.restoreAllMocks());

const { absoluteUrl } = await import("@/lib/mail/links");
const { sendMail } = await import("@/lib/mail/send");
const { renderMail } = await import("@/lib/mail/templates");

const at = new Date("2026-11-21T05:00:00Z");
const FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const context = { at, ip: "198.51.100.4", userAgent: FIREFOX_ON_LINUX };

/** How the mails write a moment, in English: in UTC, and saying so. */
const AT = "November 21, 2026 at 05:00:00 UTC";
const en = "en" as const;

/** Every mail that reports when, where from and on which device something happened. */
const securityNotices = (context: SecurityContext) =>
  Promise.all([
    renderMail("passwordChanged", "ada@example.com", { name: null, context }, en),
    renderMail(
      "emailChangeRequestedNotice",
      "ada@example.com",
      { name: null, newEmail: "new@example.com", context },
      en,
    ),
    renderMail("emailChanged", "ada@example.com", { name: null, newEmail: "new@example.com", context }, en),
    renderMail("accountDeleted", "ada@example.com", { name: null, context }, en),
    renderMail(
      "accountLocked",
      "ada@example.com",
      {
        name: null,
        until: new Date("2026-11-21T05:15:00Z"),
        resetLink: "https://auth.example.com/forgot-password",
        context,
      },
      en,
    ),
    renderMail("accountExists", "ada@example.com", { name: null, context }, en),
  ]);

describe("links", () => {
  it("come from AUTH_URL only", () => {
    expect(absoluteUrl("/reset-password?token=abc")).toBe(
      "https://auth.example.com/reset-password?token=abc",
    );
  });
});

describe("templates", () => {
  it("name the product in the subject and carry the link in both bodies, HTML escaped", async () => {
    const link = "https://auth.example.com/verify-email?token=a&b";
    const mail = await renderMail(
      "verifyEmail",
      "ada@example.com",
      { name: "Ada <b>", link, validFor: 3600 },
      en,
    );
    expect(mail.subject).toBe("Latchkey: Confirm your email address");
    expect(linksIn(mail.text)).toContain(link);
    expect(mail.html).toContain('href="https://auth.example.com/verify-email?token=a&#38;b"');
    expect(mail.html).not.toContain("<b>");
  });

  it("security notices say when, from which address and device, and what to do", async () => {
    for (const mail of await securityNotices(context)) {
      expect(mail.text).toContain(`When: ${AT}`);
      expect(mail.text).toContain("IP address: 198.51.100.4");
      expect(mail.text).toContain("Device: Firefox on Linux");
      expect(mail.html).toMatch(/>Device<\/td><td[^>]*><bdi>Firefox on Linux<\/bdi>/);
      expect(mail.text).toMatch(/if (this|it) was not you|if these attempts were not yours/i);
    }
  });

  it("security notices never quote the User-Agent or a forged address, only what they describe", async () => {
    const hostile = {
      at,
      ip: "1.2.3.4, <script>",
      userAgent:
        "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36 " +
        "Support: call +1 555 0100 to keep your account, or visit https://evil.example/unlock",
    };
    for (const mail of await securityNotices(hostile)) {
      expect(mail.text).toContain("Device: Chrome on Linux");
      expect(mail.text).toContain("IP address: unknown");
      for (const body of [mail.text, mail.html]) {
        expect(body).not.toMatch(/evil\.example|Support|555|1\.2\.3\.4|script|Mozilla/);
      }
    }
  });

  it("a name with line breaks cannot add lines or links to the text part", async () => {
    const link = "https://auth.example.com/verify-email?token=abc";
    const plain = await renderMail(
      "verifyEmail",
      "victim@example.com",
      { name: "Ada", link, validFor: 3600 },
      en,
    );
    const forged = await renderMail(
      "verifyEmail",
      "victim@example.com",
      {
        name: "Ada,\r\n\r\nYour account is locked.\r\nUnlock now: https://evil.example/unlock\u2028\u2029\r\n",
        link,
        validFor: 3600,
      },
      en,
    );
    const lines = forged.text.split("\n");
    expect(lines).toHaveLength(plain.text.split("\n").length);
    expect(forged.text).not.toMatch(/[\r\u2028\u2029]/);
    // What remains of the name stays inside the greeting, never a line of its own.
    expect(lines[0]).toBe("Hello Ada, Your account is locked. Unlock now: https://evil.example/unlock,");
    expect(lines.slice(1).join("\n")).toBe(plain.text.split("\n").slice(1).join("\n"));
    expect(forged.html).not.toMatch(/href="https:\/\/evil|<br|<p>Unlock/);
  });

  it("the notice of a requested change of address says what it always said", async () => {
    const mail = await renderMail(
      "emailChangeRequestedNotice",
      "ada@example.com",
      { name: "Ada", newEmail: "new@example.com", context },
      en,
    );
    expect(mail.to).toBe("ada@example.com");
    expect(mail.subject).toBe("Latchkey: A change of your email address was requested");
    expect(mail.text).toBe(
      [
        "Hello Ada,",
        "",
        "Someone signed in to your Latchkey account asked to change its email address from " +
          "ada@example.com to new@example.com. The address changes only once the link we sent to " +
          "new@example.com is opened.",
        "",
        `When: ${AT}`,
        "IP address: 198.51.100.4",
        "Device: Firefox on Linux",
        "",
        "If this was not you, someone has your password: reset it right away from the sign-in page " +
          "(“Forgot password?”), which also signs out every session, and review Settings.",
        "",
        "— Latchkey",
      ].join("\n"),
    );
    expect(mail.html).toMatch(/>IP address<\/td><td[^>]*><bdi>198\.51\.100\.4<\/bdi>/);
    expect(mail.html).toContain("<bdi>ada@example.com</bdi> to <bdi>new@example.com</bdi>");
  });

  it("an attempt to register a taken address is reported without a link and without alarm", async () => {
    const mail = await renderMail("accountExists", "ada@example.com", { name: "Ada", context }, en);
    expect(mail.subject).toBe("Latchkey: Someone tried to create an account with your address");
    expect(mail.text).toContain("Someone tried to create a Latchkey account with ada@example.com");
    expect(mail.text).toContain("which already has one");
    expect(mail.text).toMatch(/If it was you, sign in.*reset your password.*“Forgot password\?”/s);
    expect(mail.text).toContain("If it was not you, you can ignore this email: nothing has changed.");
    expect(mail.text).toContain("Device: Firefox on Linux");
    expect(linksIn(mail.text)).toEqual([]);
    expect(mail.html).not.toContain("<a ");
  });

  it("a lock with no end (too many failures in a row) says a new password ends it, not a date", async () => {
    const timed = { name: null, resetLink: "https://auth.example.com/r", context };
    const until = new Date("2026-11-21T05:15:00Z");
    expect((await renderMail("accountLocked", "ada@example.com", { ...timed, until }, en)).text).toContain(
      "paused until November 21, 2026 at 05:15:00 UTC.",
    );
    const open = await renderMail("accountLocked", "ada@example.com", { ...timed, until: null }, en);
    expect(open.text).toContain("paused until you choose a new password.");
    expect(open.text).not.toMatch(/UTC\./);
  });
});

describe("sending", () => {
  it("delivers over SMTP with a text and an HTML part", async () => {
    await sendMail(
      await renderMail(
        "resetPassword",
        "grace@example.com",
        { name: "Grace", link: "https://x.test/r", validFor: 3600 },
        en,
      ),
      "<outbox-7@latchkey>",
    );
    const [mail] = mailbox.to("grace@example.com");
    expect(mail?.headers["message-id"]).toBe("<outbox-7@latchkey>");
    expect(mail?.subject).toBe("Latchkey: Reset your password");
    expect(mail?.headers.from).toContain("no-reply@latchkey.test");
    expect(mail?.text).toContain("Hello Grace,");
    expect(mail?.html).toContain("<a href=");
  });
});

describe("link lifetimes", () => {
  it("are the configured ones, in words", async () => {
    const { durationInWords } = await import("@/lib/duration");
    expect([86_400, 3_600, 1_800, 172_800, 5_400, 90].map(durationInWords)).toEqual([
      "24 hours",
      "1 hour",
      "30 minutes",
      "2 days",
      "90 minutes",
      "90 seconds",
    ]);
    const mails = await Promise.all(
      [86_400, 3_600, 1_800, 172_800, 5_400, 90].map((validFor) =>
        renderMail("resetPassword", "a@example.com", { name: null, link: "https://x.test/r", validFor }, en),
      ),
    );
    expect(mails.map((mail) => /expires in ([^.]+)\./.exec(mail.text)?.[1])).toEqual([
      "24 hours",
      "1 hour",
      "30 minutes",
      "2 days",
      "90 minutes",
      "90 seconds",
    ]);
  });
});
