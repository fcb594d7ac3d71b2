import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MailpitMailbox } from "../helpers/mailpit-mailbox";
import { MailpitStandIn } from "../helpers/mailpit-stand-in";

// The Playwright suite's Mailpit reader (against a deployment, E2E_MAILPIT_URL), checked against
// a stand-in that answers Mailpit's API in its shapes (no Mailpit binary here), fed over real SMTP.

let standIn: MailpitStandIn;

async function send(to: string, subject: string, text: string) {
  const transport = nodemailer.createTransport({ url: standIn.smtpUrl } as never);
  await transport.sendMail({
    from: "Latchkey <no-reply@latchkey.test>",
    to,
    subject,
    text,
    html: `<p>${text}</p>`,
  });
  transport.close();
}

beforeAll(async () => {
  standIn = await MailpitStandIn.start({ basicAuth: "qa:catcher secret" });
  await send(
    "e2e+ab@example.test",
    "Confirm your email address",
    "Open http://localhost:3000/verify-email?token=one",
  );
  await send(
    "e2e+a@example.test",
    "Reset your password",
    "Open http://localhost:3000/reset-password?token=two",
  );
  await send("E2E+AB@example.test", "Your password was changed", "Non-ASCII survives: café ✓");
});
afterAll(() => standIn.close());

describe("MailpitMailbox", () => {
  const mailbox = () => new MailpitMailbox(standIn.url.replace("http://", "http://qa:catcher%20secret@"), 2);

  test("reads every message to one address, exactly that address, oldest first, across pages", async () => {
    const mails = await mailbox().to("e2e+ab@example.test");
    expect(mails.map((mail) => mail.subject)).toEqual([
      "Confirm your email address",
      "Your password was changed",
    ]);
    expect(mails[0]?.text).toBe("Open http://localhost:3000/verify-email?token=one");
    expect(mails[0]?.html).toContain("<p>Open");
    expect(mails[1]?.text).toBe("Non-ASCII survives: café ✓");
    expect((await mailbox().to("e2e+a@example.test")).map((mail) => mail.subject)).toEqual([
      "Reset your password",
    ]);
    expect(await mailbox().to("nobody@example.test")).toEqual([]);
  });

  test("says which Mailpit answers, and that credentials are needed when they are", async () => {
    await expect(mailbox().version()).resolves.toBe("stand-in");
    await expect(new MailpitMailbox(standIn.url).version()).rejects.toThrow(/answered 401/);
  });
});
