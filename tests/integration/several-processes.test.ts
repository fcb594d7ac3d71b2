import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, ensureBuild, startApp, type AppProcess } from "@/tests/helpers/app-process";
import { linksIn, SmtpMailbox } from "@/tests/helpers/smtp-mailbox";
import { fileDatabase } from "@/tests/helpers/test-database";

// Two app processes (`node server.mjs`, production build) on one PostgreSQL database with one
// AUTH_SECRET, as behind a load balancer: nothing that matters may live in one process.
// Needs a server both can reach, so it runs with TEST_DATABASE_URL (CI's integration stage).
const PORTS = [3510, 3511] as const;
const password = "correct horse battery staple";

describe.skipIf(!process.env.TEST_DATABASE_URL)("two app processes, one site", () => {
  let a: AppProcess;
  let b: AppProcess;
  let mailbox: SmtpMailbox;
  let n = 0;

  beforeAll(async () => {
    ensureBuild();
    mailbox = await SmtpMailbox.start();
    const env = {
      DATABASE_URL: fileDatabase().url,
      AUTH_SECRET: "latchkey-two-processes-secret-0123456789abcdef",
      AUTH_URL: `http://localhost:${PORTS[0]}`,
      AUTH_TRUST_HOST: "true",
      EMAIL_SERVER: mailbox.url,
      EMAIL_FROM: "Latchkey <no-reply@latchkey.test>",
      BCRYPT_COST: "4",
      RATE_LIMIT_SIGN_IN_PER_ADDRESS: "1000",
      RATE_LIMIT_FORMS_PER_ADDRESS: "1000",
    };
    [a, b] = await Promise.all([startApp(PORTS[0], env), startApp(PORTS[1], env)]);
  }, 15 * 60_000);

  afterAll(async () => {
    for (const app of [a, b]) app?.child.kill("SIGKILL");
    await mailbox?.close();
  });

  /** A confirmed account, made through the app's own code on this test's database. */
  async function account() {
    const { hashPassword } = await import("@/lib/auth/password");
    const { db } = await import("@/lib/db");
    const email = `two-${++n}@example.com`;
    await db.user.create({
      data: {
        name: `Two ${n}`,
        email,
        passwordHash: await hashPassword(password),
        emailVerified: new Date(),
      },
    });
    return email;
  }

  async function signedIn(app: AppProcess, email: string, pw = password) {
    const browser = new Browser();
    const response = await browser.signIn(app.origin, email, pw);
    expect(response.headers.get("location")).toMatch(/\/dashboard$/);
    return browser;
  }

  /** A request carrying `cookie` as it is, whatever a sign-out told the browser to do with it. */
  const meWith = (app: AppProcess, cookie: string) => fetch(`${app.origin}/api/me`, { headers: { cookie } });

  it("a session made on one works on the other", async () => {
    const email = await account();
    const browser = await signedIn(a, email);
    const me = await browser.me(b.origin);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email });
  });

  it("signing out on one ends the session on the other at once", async () => {
    const browser = await signedIn(a, await account());
    const cookie = browser.cookieHeader;
    expect((await meWith(b, cookie)).status).toBe(200);
    await browser.signOut(a.origin);
    expect((await meWith(b, cookie)).status).toBe(401);
  });

  it("revoking a session on one ends it on the other at once", async () => {
    const email = await account();
    const here = await signedIn(a, email);
    const there = await signedIn(b, email);
    expect((await there.me(b.origin)).status).toBe(200);
    // The only Revoke button is the other session's (this one's row says "This device").
    await here.submitForm(a.origin, "/settings", "sessionId", {});
    expect((await there.me(b.origin)).status).toBe(401);
    expect((await here.me(a.origin)).status).toBe(200);
  });

  it("changing the password on one ends the other sessions on the other at once", async () => {
    const email = await account();
    const here = await signedIn(a, email);
    const there = await signedIn(b, email);
    const newPassword = `${password} renewed on one`;
    await here.submitForm(a.origin, "/settings", "confirmPassword", {
      currentPassword: password,
      newPassword,
      confirmPassword: newPassword,
    });
    expect((await there.me(b.origin)).status).toBe(401);
    expect((await here.me(b.origin)).status).toBe(200);
    await signedIn(b, email, newPassword);
  });

  it("counts failed sign-ins across both", async () => {
    const email = await account();
    const outcomes: string[] = [];
    // From 5 consecutive failures an account's next attempt waits (README, Throttling).
    for (let i = 0; i < 6; i++) {
      const app = i % 2 === 0 ? a : b;
      const response = await new Browser().signIn(app.origin, email, `wrong ${i}`);
      outcomes.push(response.status === 429 ? "throttled" : "refused");
    }
    expect(outcomes).toEqual(["refused", "refused", "refused", "refused", "refused", "throttled"]);
  });

  it("an emailed link issued by one is used on the other", async () => {
    const email = await account();
    const browser = new Browser();
    await browser.submitForm(a.origin, "/forgot-password", "email", { email });
    await expect.poll(() => mailbox.to(email).length, { timeout: 60_000 }).toBe(1);
    const link = linksIn(mailbox.to(email)[0]!.text).find((url) => url.includes("/reset-password?token="));
    expect(link).toBeDefined();
    const onB = link!.replace(a.origin, b.origin);
    const opened = await browser.fetch(onB);
    expect(opened.status).toBe(303);
    const newPassword = `${password} reset on the other`;
    await browser.submitForm(b.origin, "/reset-password", "confirmPassword", {
      newPassword,
      confirmPassword: newPassword,
    });
    await signedIn(a, email, newPassword);
  });
});
