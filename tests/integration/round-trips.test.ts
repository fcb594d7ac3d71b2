// The database round trips of a sign-in and of a signed-in request, counted at the driver
// (every query pg sends, BEGIN and COMMIT included). The README's "Scaling" section quotes them;
// these bounds keep them from growing unnoticed.
import pg from "pg";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
});
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));

const { NextRequest } = await import("next/server");
const { GET: me } = await import("@/app/api/me/route");
const { hashPassword } = await import("@/lib/auth/password");
const { db } = await import("@/lib/db");
const { createUser } = await import("@/lib/users");
const { ORIGIN, postCallback } = await import("@/tests/helpers/auth-endpoint");

async function countQueries(run: () => Promise<unknown>): Promise<number> {
  const query = vi.spyOn(pg.Client.prototype, "query");
  try {
    await run();
    return query.mock.calls.length;
  } finally {
    query.mockRestore();
  }
}

describe("database round trips", () => {
  it("of a password sign-in and of a signed-in GET /api/me", async () => {
    const email = "trips@example.com";
    const password = "a long and unusual passphrase";
    const user = await createUser({ name: "T", email, passwordHash: await hashPassword(password) });
    await db.user.update({ where: { id: user.id }, data: { emailVerified: new Date() } });
    await postCallback({ email, password }); // the first one also warms the caches up
    let cookie = "";
    const signIn = await countQueries(async () => {
      const response = await postCallback({ email, password });
      cookie = response.headers
        .getSetCookie()
        .find((setCookie) => setCookie.startsWith("authjs.session-token="))!
        .split(";")[0]!;
    });
    const signedIn = await countQueries(async () => {
      const response = await me(new NextRequest(`${ORIGIN}/api/me`, { headers: { cookie } }));
      expect(response.status).toBe(200);
    });
    console.info(`[round trips] sign-in: ${signIn}, signed-in GET /api/me: ${signedIn}`);
    expect(signIn).toBeLessThanOrEqual(20);
    expect(signedIn).toBeLessThanOrEqual(2);
  });
});
