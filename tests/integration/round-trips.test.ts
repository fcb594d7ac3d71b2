// The database round trips of a sign-in and of a signed-in request, counted at the driver
// (every query pg sends, BEGIN and COMMIT included). The README's "Scaling" section quotes them;
// these bounds keep them from growing unnoticed.
import pg from "pg";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
});
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));

const { GET: me } = await import("@/app/api/me/route");
const { hashPassword } = await import("@/lib/auth/password");
const { db } = await import("@/lib/db");
const { createUser } = await import("@/lib/users");
const { postCallback } = await import("@/tests/helpers/auth-endpoint");
const { signInBrowserAs } = await import("@/tests/helpers/sessions");

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
    const signIn = await countQueries(() => postCallback({ email, password }));
    // The browser's cookie as Auth.js names it behind https (tests/helpers/sessions.ts).
    await signInBrowserAs(user.id);
    const signedIn = await countQueries(async () => {
      const response = await me(new Request("http://localhost/api/me"));
      expect(response.status).toBe(200);
    });
    console.info(`[round trips] sign-in: ${signIn}, signed-in GET /api/me: ${signedIn}`);
    expect(signIn).toBeLessThanOrEqual(5);
    expect(signedIn).toBeLessThanOrEqual(2);
  });
});
