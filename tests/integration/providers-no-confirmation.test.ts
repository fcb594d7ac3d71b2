// With AUTH_REQUIRE_VERIFIED_EMAIL=false an unconfirmed account may be in use (it signs in with
// its password), so a provider sign-in with its address is refused like for any existing
// account, and the account stays as it was: unconfirmed, not linked, not replaced.
import { NextRequest } from "next/server";
import { afterAll, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
  process.env.AUTH_URL = "http://localhost:3000";
  process.env.AUTH_REQUIRE_VERIFIED_EMAIL = "false";
});
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("next/navigation", () => import("@/tests/helpers/next-navigation"));

const { startTestOidcProvider, TEST_OIDC_CLIENT } = await import("@/tests/helpers/test-oidc-provider.mjs");
const idp = await startTestOidcProvider({ redirectUris: ["http://localhost:3000/api/auth/callback/oidc"] });
Object.assign(process.env, {
  AUTH_OIDC_ISSUER: idp.issuer,
  AUTH_OIDC_ID: TEST_OIDC_CLIENT.id,
  AUTH_OIDC_SECRET: TEST_OIDC_CLIENT.secret,
});
afterAll(() => idp.close());

const { GET } = await import("@/app/api/auth/[...nextauth]/route");
const { signInWithProvider } = await import("@/app/(auth)/provider-actions");
const { verifyCredentials } = await import("@/lib/auth/credentials");
const { hashPassword } = await import("@/lib/auth/password");
const { db } = await import("@/lib/db");
const { createUser } = await import("@/lib/users");
const { cookieHeader } = await import("@/tests/helpers/next-headers");
const { ProviderBrowser } = await import("@/tests/helpers/provider-browser");

it("refuses the provider sign-in and leaves the unconfirmed account alone", async () => {
  const email = `unconfirmed-${Date.now()}@example.test`;
  const password = "a long and unusual passphrase";
  const existing = await createUser({
    name: "Earlier",
    email,
    passwordHash: await hashPassword(password, 4),
  });
  const start = new FormData();
  start.set("provider", "oidc");
  const authorization = await signInWithProvider(start).then(
    () => "",
    (error: { redirectTo?: string }) => error.redirectTo ?? "",
  );
  const callback = await new ProviderBrowser().signIn(authorization, email);
  const response = await GET(new NextRequest(callback, { headers: { cookie: cookieHeader() } }));
  const location = new URL(response.headers.get("location") ?? "", "http://localhost:3000");
  expect(location.pathname).toBe("/login");
  expect(location.searchParams.get("code")).toBe("email-taken");
  const after = await db.user.findUniqueOrThrow({ where: { email }, include: { accounts: true } });
  expect(after).toMatchObject({ id: existing.id, emailVerified: null, accounts: [] });
  expect((await verifyCredentials(email, password))?.id).toBe(existing.id);
});
