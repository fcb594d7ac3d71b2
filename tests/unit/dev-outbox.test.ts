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
  return import("@/lib/mail/send");
}

const message = {
  to: "dev@example.com",
  subject: "Latchkey: Reset your password",
  text: "Reset password: http://localhost:3000/reset-password?token=abc",
  html: "<p>…</p>",
};

// Listing at /dev/outbox is the outbox table's (tests/integration/mail-outbox.test.ts).
describe("without EMAIL_SERVER", () => {
  it("development prints the message with its link instead of sending it", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => undefined);
    const { sendMail } = await load("development");
    await sendMail(message);
    expect(info.mock.calls.flat().join("\n")).toContain("/reset-password?token=abc");
  });

  it("production refuses to send, saying why", async () => {
    const { sendMail } = await load("production");
    await expect(sendMail(message)).rejects.toThrow(/EMAIL_SERVER/);
  });
});
