// The one place a session starts (completeSignIn), and the pending state of a sign-in whose
// second factor is still owed.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MailMessage } from "@/lib/mail/send";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
});
const sent = vi.hoisted(() => [] as MailMessage[]);
vi.mock("@/lib/mail/outbox", async () => (await import("@/tests/helpers/outbox-spy")).recordMailInto(sent));
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));

const { GET: me } = await import("@/app/api/me/route");
const { completeSignIn } = await import("@/lib/auth/complete-sign-in");
const { beginPendingSignIn, takePendingSignIn } = await import("@/lib/auth/pending-sign-in");
const { pendingSignInSecret, setPendingSignInCookie } = await import("@/lib/auth/pending-sign-in-cookie");
const { validateSession } = await import("@/lib/auth/sessions");
const { db } = await import("@/lib/db");
const { getCurrentSession } = await import("@/lib/dal");
const { createUser } = await import("@/lib/users");
const { cookieJar } = await import("@/tests/helpers/next-headers");
const { fileDatabase } = await import("@/tests/helpers/test-database");

const context = {
  at: new Date(),
  ip: "203.0.113.9",
  userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0",
};
let n = 0;

async function verifiedUser() {
  n += 1;
  const user = await createUser({ name: `P${n}`, email: `pipeline${n}@example.com`, passwordHash: "x" });
  return { id: user.id, name: user.name, email: user.email, credentialVersion: 0 };
}

beforeEach(() => {
  sent.length = 0;
  cookieJar.clear();
});

describe("completeSignIn", () => {
  it("opens the session row with how it was proven and the client's details, Remember me both ways", async () => {
    const user = await verifiedUser();
    const proof = { method: "password", factors: ["password"] };
    for (const remember of [false, true]) {
      const secret = await completeSignIn(user, proof, { remember, context });
      const session = (await validateSession(secret!))!;
      const row = await db.session.findUniqueOrThrow({ where: { id: session.sessionId } });
      expect(row).toMatchObject({ method: "password", factors: ["password"], remember, ip: "203.0.113.9" });
      expect(row.userAgent).toContain("Firefox/128.0");
      const hours = (row.expires.getTime() - Date.now()) / 3_600_000;
      expect(Math.round(hours)).toBe(remember ? 30 * 24 : 12);
    }
  });

  it("serves any way in: a provider's callback makes the same call with its own proof", async () => {
    const user = await verifiedUser();
    const secret = await completeSignIn(
      user,
      { method: "oidc", factors: ["provider"] },
      { remember: false, context },
    );
    const session = (await validateSession(secret!))!;
    expect(await db.session.findUniqueOrThrow({ where: { id: session.sessionId } })).toMatchObject({
      method: "oidc",
      factors: ["provider"],
    });
    const [event] = await db.securityEvent.findMany({ where: { userId: user.id } });
    expect(event).toMatchObject({
      kind: "sign-in.succeeded",
      details: { method: "oidc", factors: "provider" },
    });
    expect([...cookieJar.keys()]).toEqual(["latchkey-device"]);
  });

  it("opens nothing when the credentials changed since they were proven", async () => {
    const user = await verifiedUser();
    await db.user.update({ where: { id: user.id }, data: { credentialVersion: 1 } });
    const proof = { method: "password", factors: ["password"] };
    expect(await completeSignIn(user, proof, { remember: false, context })).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.securityEvent.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("a pending sign-in", () => {
  const proof = { method: "password", factors: ["password"] };

  it("keeps Remember me and a same-origin callbackUrl until its second step takes it", async () => {
    const user = await verifiedUser();
    const secret = await beginPendingSignIn(user, { proof, remember: true, callbackUrl: "/settings?tab=2" });
    expect(await takePendingSignIn(secret)).toEqual({
      userId: user.id,
      credentialVersion: 0,
      proof,
      remember: true,
      callbackUrl: "/settings?tab=2",
    });
    const hostile = await beginPendingSignIn(user, {
      proof,
      remember: false,
      callbackUrl: "//evil.example/",
    });
    expect((await takePendingSignIn(hostile))?.callbackUrl).toBe("/dashboard");
  });

  it("is taken once: of ten parallel attempts exactly one gets it", async () => {
    const user = await verifiedUser();
    const secret = await beginPendingSignIn(user, { proof, remember: false, callbackUrl: "/" });
    const takes = await Promise.all(Array.from({ length: 10 }, () => takePendingSignIn(secret)));
    expect(takes.filter(Boolean)).toHaveLength(1);
  });

  it("expires after minutes, and dies with a change of credentials", async () => {
    const user = await verifiedUser();
    const old = await beginPendingSignIn(user, { proof, remember: false, callbackUrl: "/" });
    await db.pendingSignIn.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await takePendingSignIn(old)).toBeNull();
    const beforeReset = await beginPendingSignIn(user, { proof, remember: false, callbackUrl: "/" });
    await db.user.update({ where: { id: user.id }, data: { credentialVersion: { increment: 1 } } });
    expect(await takePendingSignIn(beforeReset)).toBeNull();
  });

  it("is never a session: not for the session check, the data-access layer or /api/me", async () => {
    const user = await verifiedUser();
    const secret = await beginPendingSignIn(user, { proof, remember: true, callbackUrl: "/" });
    await setPendingSignInCookie(secret);
    expect(await pendingSignInSecret()).toBe(secret);
    // The browser now holds the pending cookie and nothing else.
    expect(await validateSession(secret)).toBeNull();
    expect(await getCurrentSession()).toBeNull();
    expect((await me(new Request("http://localhost/api/me"))).status).toBe(401);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it.skipIf(fileDatabase().embedded)("is finished by another app process", async () => {
    const user = await verifiedUser();
    const secret = await beginPendingSignIn(user, { proof, remember: true, callbackUrl: "/settings" });
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/helpers/take-pending-sign-in.ts", secret],
      { env: { ...process.env, DATABASE_URL: fileDatabase().url } },
    );
    expect(JSON.parse(stdout)).toMatchObject({ userId: user.id, remember: true, callbackUrl: "/settings" });
    expect(await takePendingSignIn(secret)).toBeNull();
  });
});

describe("a signed-in request", () => {
  it("checks its session and loads its user in one database query", async () => {
    const { encode } = await import("next-auth/jwt");
    const { NextRequest } = await import("next/server");
    const { GET } = await import("@/app/api/auth/[...nextauth]/route");
    const { database } = await import("@/lib/db/connection");
    const user = await verifiedUser();
    const proof = { method: "password", factors: ["password"] };
    const secret = (await completeSignIn(user, proof, { remember: false, context }))!;
    const salt = "authjs.session-token";
    const jwt = await encode({
      token: { sub: user.id, sessionSecret: secret },
      secret: process.env.AUTH_SECRET!,
      salt,
    });
    const { pool } = await database();
    const query = vi.spyOn(pool, "query");
    const response = await GET(
      new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie: `${salt}=${jwt}` } }),
    );
    // Auth.js's session endpoint runs the same callbacks as every page's auth() call.
    expect(await response.json()).toMatchObject({
      user: { id: user.id, email: user.email, name: user.name },
    });
    expect(query).toHaveBeenCalledTimes(1);
    query.mockRestore();
  });
});

describe("the session cookie", () => {
  it("lasts as the issued session decided, for Auth.js's endpoint too; reads never refresh it", async () => {
    const { NextRequest } = await import("next/server");
    const { GET } = await import("@/app/api/auth/[...nextauth]/route");
    const { ORIGIN: origin, postCallback } = await import("@/tests/helpers/auth-endpoint");
    const { hashPassword } = await import("@/lib/auth/password");
    n += 1;
    const email = `cookie${n}@example.com`;
    const password = "a long and unusual passphrase";
    const user = await createUser({ name: "C", email, passwordHash: await hashPassword(password) });
    await db.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
    const sessionCookieOf = async (remember: string) => {
      const response = await postCallback({ email, password, remember });
      return response.headers
        .getSetCookie()
        .find((setCookie) => setCookie.startsWith("authjs.session-token="));
    };
    const forThisBrowser = await sessionCookieOf("");
    expect(forThisBrowser).toBeDefined();
    expect(forThisBrowser).not.toMatch(/expires=|max-age=/i);
    expect(await sessionCookieOf("on")).toMatch(/expires=/i);

    const session = await GET(
      new NextRequest(`${origin}/api/auth/session`, { headers: { cookie: forThisBrowser!.split(";")[0]! } }),
    );
    expect(((await session.json()) as { user?: { email?: string } }).user?.email).toBe(email);
    expect(
      session.headers.getSetCookie().some((setCookie) => setCookie.startsWith("authjs.session-token=")),
    ).toBe(false);
  });
});
