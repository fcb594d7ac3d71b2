import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  vi.resetModules();
});

async function load(nodeEnv: "development" | "production") {
  vi.stubEnv("NODE_ENV", nodeEnv);
  vi.stubEnv("EMAIL_SERVER", "");
  vi.resetModules();
  return {
    ...(await import("@/lib/mail/send")),
    ...(await import("@/lib/mail/dev-outbox")),
  };
}

const message = {
  to: "dev@example.com",
  subject: "Latchkey: Reset your password",
  text: "Reset password: http://localhost:3000/reset-password?token=abc",
  html: "<p>…</p>",
};

describe("without EMAIL_SERVER", () => {
  it("development keeps the message for /dev/outbox and prints it with its link", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    const { sendMail, devOutbox } = await load("development");
    await sendMail(message);
    expect(devOutbox()[0]).toMatchObject({ to: "dev@example.com", subject: message.subject });
    expect(info.mock.calls.flat().join("\n")).toContain("/reset-password?token=abc");
  });

  it("production refuses to send, and gives up at once without retrying", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { sendMail, deliverWithRetries } = await load("production");
    await expect(sendMail(message)).rejects.toThrow(/EMAIL_SERVER/);
    expect(await deliverWithRetries(message, [60_000])).toBe(false);
    expect(errors).toHaveBeenCalledTimes(1);
  });
});
