// Personal access tokens: made in settings, used as `Authorization: Bearer` on the API.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MailMessage } from "@/lib/mail/send";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
});
const sent = vi.hoisted(() => [] as MailMessage[]);
vi.mock("@/lib/mail/outbox", async () => (await import("@/tests/helpers/outbox-spy")).recordMailInto(sent));
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));

const { GET: me } = await import("@/app/api/me/route");
const { createAccessToken, listAccessTokens, revokeAccessToken } = await import("@/lib/access-tokens/tokens");
const { resetPassword } = await import("@/lib/auth/password-reset");
const { issueToken } = await import("@/lib/auth/tokens");
const { db } = await import("@/lib/db");
const { confirmedUser } = await import("@/tests/helpers/users");

let n = 0;
async function account() {
  n += 1;
  return confirmedUser({
    name: `Token ${n}`,
    email: `token${n}@example.com`,
    password: "a long and unusual passphrase",
  });
}
const call = (authorization?: string, ip = `198.51.100.${n}`) =>
  me(
    new Request("http://localhost/api/me", {
      headers: { "x-latchkey-client-ip": ip, ...(authorization ? { authorization } : {}) },
    }),
  );

beforeEach(() => {
  sent.length = 0;
});

describe("a personal access token", () => {
  it("is lk_ and 256 bits, stored only as a digest, and authenticates /api/me without a cookie", async () => {
    const user = await account();
    const created = await createAccessToken(user.id, { name: "deploy script", days: 30 });
    if (created === "too-many") throw new Error("too many");
    expect(created.secret).toMatch(/^lk_[\w-]{43}$/);
    const row = await db.accessToken.findUniqueOrThrow({ where: { id: created.token.id } });
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(3));
    expect(row.hint).toBe(created.secret.slice(0, 7));
    const response = await call(`Bearer ${created.secret}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: user.id,
      name: user.name,
      email: user.email,
      emailVerified: expect.any(String),
    });
    expect(
      (await db.accessToken.findUniqueOrThrow({ where: { id: created.token.id } })).lastUsedAt,
    ).not.toBeNull();
  });

  it("answers 401 with WWW-Authenticate when wrong, expired, revoked or its account locked", async () => {
    const user = await account();
    const live = await createAccessToken(user.id, { name: "live", days: null });
    const expired = await createAccessToken(user.id, { name: "old", days: 1 });
    if (live === "too-many" || expired === "too-many") throw new Error("too many");
    await db.accessToken.update({
      where: { id: expired.token.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    for (const bad of [`Bearer lk_${"x".repeat(43)}`, "Bearer not-a-token", `Bearer ${expired.secret}`]) {
      const response = await call(bad);
      expect(response.status, bad).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="Latchkey", error="invalid_token"');
      expect(await response.json()).toEqual({ error: "invalid_token" });
    }
    expect((await call()).headers.get("www-authenticate")).toBe('Bearer realm="Latchkey"');
    expect(await revokeAccessToken(user.id, live.token.id)).toBe("live");
    expect((await call(`Bearer ${live.secret}`)).status).toBe(401);
    const again = await createAccessToken(user.id, { name: "again", days: null });
    if (again === "too-many") throw new Error("too many");
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect((await call(`Bearer ${again.secret}`)).status).toBe(401);
  });

  it("is revoked only by its owner", async () => {
    const owner = await account();
    const other = await account();
    const created = await createAccessToken(owner.id, { name: "mine", days: 30 });
    if (created === "too-many") throw new Error("too many");
    expect(await revokeAccessToken(other.id, created.token.id)).toBeNull();
    expect((await listAccessTokens(owner.id)).map((token) => token.name)).toEqual(["mine"]);
  });

  it("dies when an administrator locks the account, and stays dead after the unlock", async () => {
    const user = await account();
    const admin = await account();
    await db.user.update({ where: { id: admin.id }, data: { role: "admin" } });
    const created = await createAccessToken(user.id, { name: "cron", days: 30 });
    if (created === "too-many") throw new Error("too many");
    const { lockUser, unlockUser } = await import("@/lib/admin/account-lock");
    const context = { at: new Date(), ip: null, userAgent: "vitest" };
    expect(await lockUser({ id: admin.id }, user.id, context)).toBe("locked");
    expect(await listAccessTokens(user.id)).toEqual([]);
    expect(await unlockUser({ id: admin.id }, user.id, context)).toBe("unlocked");
    expect((await call(`Bearer ${created.secret}`)).status).toBe(401);
  });

  it("dies with a password change in settings", async () => {
    const user = await account();
    const created = await createAccessToken(user.id, { name: "laptop", days: null });
    if (created === "too-many") throw new Error("too many");
    const { changePassword } = await import("@/lib/account/change-password");
    const { openSession } = await import("@/tests/helpers/sessions");
    const { validateSession } = await import("@/lib/auth/sessions");
    const sessionId = (await validateSession(await openSession(user.id)))!.sessionId;
    const context = { at: new Date(), ip: null, userAgent: "vitest" };
    const passwords = {
      currentPassword: "a long and unusual passphrase",
      newPassword: "a newer and longer passphrase",
    };
    expect(await changePassword(user, sessionId, passwords, context)).toBe("changed");
    expect((await call(`Bearer ${created.secret}`)).status).toBe(401);
  });

  it("dies with a password reset", async () => {
    const user = await account();
    const created = await createAccessToken(user.id, { name: "ci", days: 30 });
    if (created === "too-many") throw new Error("too many");
    const link = await issueToken({
      userId: user.id,
      email: user.email,
      purpose: "reset-password",
      ttlSeconds: 600,
    });
    const context = { at: new Date(), ip: null, userAgent: "vitest" };
    expect(await resetPassword(link, "another long passphrase to use", context)).toBe(true);
    expect((await call(`Bearer ${created.secret}`)).status).toBe(401);
    expect(await listAccessTokens(user.id)).toEqual([]);
  });

  it("slows down an address that keeps sending wrong tokens, and a right one is not counted", async () => {
    const user = await account();
    const created = await createAccessToken(user.id, { name: "good", days: 30 });
    if (created === "too-many") throw new Error("too many");
    const ip = "203.0.113.77";
    for (let i = 0; i < 30; i += 1) expect((await call(`Bearer ${created.secret}`, ip)).status).toBe(200);
    for (let i = 0; i < 20; i += 1) expect((await call(`Bearer lk_wrong${i}`, ip)).status).toBe(401);
    const throttled = await call(`Bearer lk_wrong-again`, ip);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // A right token still works from that address: only wrong ones are slowed down.
    expect((await call(`Bearer ${created.secret}`, ip)).status).toBe(200);
    // A malformed header is a wrong token, never "no token" (which would try the cookie).
    expect((await call("Bearer two words", "203.0.113.78")).status).toBe(401);
  });
});
