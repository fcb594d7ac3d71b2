import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { MailMessage } from "@/lib/mail/send";
import { SmtpMailbox } from "@/tests/helpers/smtp-mailbox";
import { fileDatabase } from "@/tests/helpers/test-database";

const { db } = await import("@/lib/db");
const { enqueueMail } = await import("@/lib/mail/outbox");
const { claimMail, deliverClaimed, sendDueMail, pruneOutbox, CLAIM_MS } = await import("@/lib/mail/sender");
const { devOutbox } = await import("@/lib/mail/dev-outbox");
const { sendPasswordResetLink } = await import("@/lib/auth/password-reset");
const { hashPassword } = await import("@/lib/auth/password");
const { createUser } = await import("@/lib/users");

const mail = (to: string, subject = "Latchkey: test"): MailMessage => ({
  to,
  subject,
  text: `Hello ${to}: https://auth.example.com/reset-password?token=SECRET`,
  html: "<p>Hello</p>",
});

beforeEach(async () => {
  await db.outboxMail.deleteMany();
});

describe("the outbox", () => {
  it("holds a mail exactly when the transaction that wrote it commits", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueMail(tx, mail("rolled-back@example.com"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await db.$transaction((tx) => enqueueMail(tx, mail("committed@example.com")));
    expect((await devOutbox()).map((entry) => entry.to)).toEqual(["committed@example.com"]);
  });

  it("gets a forgot-password link in the token's transaction", async () => {
    const user = await createUser({
      name: "Reset",
      email: "reset@example.com",
      passwordHash: await hashPassword("correct horse battery staple"),
    });
    await sendPasswordResetLink(user.email);
    const tokens = await db.authToken.count({ where: { userId: user.id, purpose: "reset-password" } });
    const [entry] = await devOutbox();
    expect(tokens).toBe(1);
    expect(entry).toMatchObject({ to: "reset@example.com", status: "pending" });
    expect(entry?.text).toMatch(/\/reset-password\?token=[\w-]+/);
  });

  it("lists newest first for /dev/outbox", async () => {
    for (const to of ["first@example.com", "second@example.com"]) {
      await enqueueMail(db, mail(to));
    }
    expect((await devOutbox()).map((entry) => entry.to)).toEqual(["second@example.com", "first@example.com"]);
  });
});

describe("two senders", () => {
  it("never claim the same mail", async () => {
    const count = 12;
    for (let i = 0; i < count; i++) await enqueueMail(db, mail(`claim-${i}@example.com`));
    const claims = await Promise.all(Array.from({ length: count * 2 }, () => claimMail()));
    const ids = claims.filter((claim) => claim !== null).map((claim) => String(claim.id));
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
  });

  it("side by side send every mail once", async () => {
    const count = 10;
    for (let i = 0; i < count; i++) await enqueueMail(db, mail(`once-${i}@example.com`));
    const delivered: string[] = [];
    const send = async (message: MailMessage) => {
      // Slow enough that both senders are mid-send together.
      await new Promise((resolve) => setTimeout(resolve, 20));
      delivered.push(message.to);
    };
    const [a, b] = await Promise.all([sendDueMail(send), sendDueMail(send)]);
    expect(a + b).toBe(count);
    expect(new Set(delivered).size).toBe(count);
    expect(delivered).toHaveLength(count);
    expect(await db.outboxMail.count({ where: { status: "sent" } })).toBe(count);
  });
});

describe("a failing mail", () => {
  const refused = async () => {
    throw new Error("connect ECONNREFUSED 127.0.0.1:25");
  };

  it("is retried at least once a minute for ten minutes, then less often for a day, then kept as failed", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await enqueueMail(db, mail("never@example.com"));
    const { createdAt } = await db.outboxMail.findFirstOrThrow();
    const attempts: number[] = [];
    let clock = new Date(createdAt);
    for (;;) {
      const claimed = await claimMail(clock);
      if (!claimed) break;
      attempts.push(clock.getTime() - createdAt.getTime());
      await deliverClaimed(claimed, refused, () => clock);
      const row = await db.outboxMail.findFirstOrThrow();
      // Nobody takes it before its time.
      expect(await claimMail(new Date(row.nextAttemptAt.getTime() - 1))).toBeNull();
      clock = row.nextAttemptAt;
    }
    const row = await db.outboxMail.findFirstOrThrow();
    expect(row).toMatchObject({ status: "failed", lastError: "connect ECONNREFUSED 127.0.0.1:25" });
    expect(row.attempts).toBe(attempts.length);
    const minute = 60_000;
    for (let m = 0; m < 10; m++) {
      expect(attempts.some((at) => at >= m * minute && at < (m + 1) * minute)).toBe(true);
    }
    expect(attempts.filter((at) => at >= 10 * minute && at < 20 * minute).length).toBeLessThan(10);
    expect(attempts.at(-1)).toBeGreaterThanOrEqual(24 * 60 * minute);
  });

  it("logs its recipient, subject and reason, never its body", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await enqueueMail(db, mail("logged@example.com"));
    const claimed = await claimMail();
    await deliverClaimed(claimed!, refused);
    const logged = errors.mock.calls.flat().join("\n");
    expect(logged).toContain("logged@example.com");
    expect(logged).toContain("ECONNREFUSED");
    expect(logged).not.toContain("SECRET");
    const row = await db.outboxMail.findFirstOrThrow();
    expect(row).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: expect.stringContaining("REFUSED"),
    });
  });

  it("that a dead sender had claimed is taken again once its claim runs out", async () => {
    await enqueueMail(db, mail("orphan@example.com"));
    expect(await claimMail()).not.toBeNull();
    expect(await claimMail()).toBeNull();
    const later = new Date(Date.now() + CLAIM_MS + 1_000);
    expect((await claimMail(later))?.to).toBe("orphan@example.com");
  });
});

it("prunes sent mail after a week and failed mail after a month", async () => {
  for (const to of ["sent@example.com", "failed@example.com", "pending@example.com"]) {
    await enqueueMail(db, mail(to));
  }
  await db.outboxMail.updateMany({ where: { to: "sent@example.com" }, data: { status: "sent" } });
  await db.outboxMail.updateMany({ where: { to: "failed@example.com" }, data: { status: "failed" } });
  const day = 86_400_000;
  expect(await pruneOutbox(new Date(Date.now() + 8 * day))).toBe(1);
  expect(await pruneOutbox(new Date(Date.now() + 31 * day))).toBe(1);
  expect((await devOutbox()).map((entry) => entry.to)).toEqual(["pending@example.com"]);
});

// Real processes on one real database (the embedded one lives inside this test process).
describe.skipIf(!process.env.TEST_DATABASE_URL)("a process killed while SMTP refuses", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill("SIGKILL");
  });

  const freePort = async () => {
    const server = createServer().listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return port;
  };

  function sender(smtpPort: number, args: string[] = []): { child: ChildProcess; output: () => string } {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--import",
        "./scripts/without-server-only.mjs",
        "tests/helpers/mail-sender-process.ts",
        ...args,
      ],
      {
        env: {
          ...process.env,
          NODE_ENV: "production",
          DATABASE_URL: fileDatabase().url,
          EMAIL_SERVER: `smtp://127.0.0.1:${smtpPort}`,
          EMAIL_FROM: "Latchkey <no-reply@latchkey.test>",
          AUTH_URL: "https://auth.example.com",
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    children.push(child);
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    return { child, output: () => output };
  }

  it("leaves the reset link to the next process, which sends it exactly once", async () => {
    const email = "killed@example.com";
    await createUser({
      name: "Killed",
      email,
      passwordHash: await hashPassword("correct horse battery staple"),
    });
    const smtpPort = await freePort(); // nothing listens there yet: every connection is refused
    const first = sender(smtpPort, ["--forgot", email]);
    // The request's mail is in the outbox and its first attempt was refused.
    await expect
      .poll(
        async () => (await db.outboxMail.findFirst({ where: { to: email } }))?.lastError ?? first.output(),
        {
          timeout: 90_000,
        },
      )
      .toMatch(/ECONNREFUSED/);
    first.child.kill("SIGKILL");
    await once(first.child, "exit");
    // Killed mid-attempt (its retry comes every few seconds), it leaves a claim that runs out
    // CLAIM_MS later (tested above); skip that wait, as the claim's end would.
    await db.outboxMail.updateMany({
      where: { to: email, status: "pending", nextAttemptAt: { gt: new Date(Date.now() + 60_000) } },
      data: { nextAttemptAt: new Date() },
    });

    const mailbox = await SmtpMailbox.start(smtpPort);
    try {
      sender(smtpPort);
      sender(smtpPort);
      await expect.poll(() => mailbox.to(email).length, { timeout: 90_000 }).toBe(1);
      await expect
        .poll(async () => (await db.outboxMail.findFirst({ where: { to: email } }))?.status, {
          timeout: 10_000,
        })
        .toBe("sent");
      const row = await db.outboxMail.findFirstOrThrow({ where: { to: email } });
      expect(row.attempts).toBeGreaterThanOrEqual(2);
      expect(row.text).toBe(""); // the link is gone from the database once sent
      expect(mailbox.to(email)).toHaveLength(1);
      expect(mailbox.to(email)[0]?.text).toMatch(/\/reset-password\?token=[\w-]+/);
    } finally {
      await mailbox.close();
    }
  }, 240_000);
});
