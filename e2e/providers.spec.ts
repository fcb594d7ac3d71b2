import type { Locator, Page } from "@playwright/test";
import {
  appCode,
  enableAuthenticatorApp,
  expect,
  LoginPage,
  makeUser,
  RegisterPage,
  signUp,
  test,
  type TestUser,
} from "./fixtures";

// Signing in with an OpenID Connect provider: the test provider the config starts
// (tests/helpers/test-oidc-provider.mjs, "Test ID"), whose development login screen takes any
// login and password. The login names the person: "<email>" has that email, verified;
// "<email>#unverified" is another person with the same email, not verified.

const issuer = process.env.E2E_OIDC_ISSUER;
const PROVIDER = "Test ID";

test.skip(!issuer, "needs the test OpenID Connect provider: set E2E_OIDC_ISSUER (playwright.config.ts does)");
test.describe.configure({ timeout: 180_000 });

const providerButton = (page: Page) =>
  page.getByRole("button", { name: new RegExp(`^sign in with ${PROVIDER}$`, "i") });

/**
 * Presses `button` and, at the provider's login screen, signs in as `login`; the provider's own
 * session, when this browser still has one, skips the screen. Ends back on this site.
 */
async function throughProvider(page: Page, button: Locator, login: string) {
  await test.step(`through the provider as ${login}`, async () => {
    const from = page.url();
    await button.click();
    await page.waitForURL((url) => url.origin === issuer || url.href !== from);
    if (new URL(page.url()).origin === issuer) {
      await page.getByPlaceholder(/enter any login/i).fill(login);
      await page.getByPlaceholder(/and password/i).fill("any password");
      await page.getByRole("button", { name: /^sign-in$/i }).click();
    }
    await page.waitForURL((url) => url.origin !== issuer);
  });
}

/** "Sign in with Test ID" on /login (Remember me as given), through the provider's screen. */
async function viaProvider(
  page: Page,
  login: string,
  { remember, callbackUrl }: { remember?: boolean; callbackUrl?: string } = {},
) {
  const loginPage = new LoginPage(page);
  await loginPage.goto(callbackUrl);
  if (remember !== undefined) await loginPage.rememberMe.setChecked(remember);
  await throughProvider(page, providerButton(page), login);
}

/** A new provider sign-in in this browser must not find the provider's last session. */
async function forgetProviderSession(page: Page) {
  await page.context().clearCookies({ domain: new URL(issuer!).hostname });
}

async function signOut(page: Page) {
  await page
    .getByRole("banner")
    .getByRole("button", { name: /^sign out$/i })
    .click();
  await page.waitForURL((url) => url.pathname === "/login");
}

const dashboardEmail = (page: Page) => page.getByRole("main");
const connectedAccounts = (page: Page) => page.getByRole("region", { name: /^connected accounts$/i });
/** Connect <Provider> in /settings, with the current password if the section asks for it. */
async function connectProvider(page: Page, user: TestUser, login: string) {
  await page.goto("/settings");
  const section = connectedAccounts(page);
  const password = section.getByLabel(/^current password$/i);
  if (await password.isVisible()) await password.fill(user.password);
  await throughProvider(
    page,
    section.getByRole("button", { name: new RegExp(`^connect ${PROVIDER}$`, "i") }),
    login,
  );
  await page.waitForURL((url) => url.pathname === "/settings");
  await expect(section.getByRole("status").filter({ hasText: /is connected/i })).toBeVisible();
}

const sessionCookie = async (page: Page) =>
  (await page.context().cookies()).find((cookie) => cookie.name.endsWith("session-token"));

test("a new user signs up with the provider on /register, and comes back to the same account", async ({
  page,
}) => {
  const email = makeUser().email;
  await new RegisterPage(page).goto();
  await throughProvider(page, providerButton(page), email);
  await page.waitForURL((url) => url.pathname === "/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/dashboard/i);
  await expect(dashboardEmail(page)).toContainText(email);
  // Remember me was not offered: a browser-session cookie.
  expect((await sessionCookie(page))?.expires).toBe(-1);
  await signOut(page);

  // Again from /login with Remember me ticked, to where callbackUrl said.
  await forgetProviderSession(page);
  await viaProvider(page, email, { remember: true, callbackUrl: "/settings" });
  await page.waitForURL((url) => url.pathname === "/settings");
  expect((await sessionCookie(page))?.expires).toBeGreaterThan(Date.now() / 1000 + 7 * 24 * 3600);
  await expect(
    connectedAccounts(page).getByRole("button", { name: new RegExp(`^disconnect ${PROVIDER}$`, "i") }),
  ).toBeVisible();
  const activity = page.getByRole("region", { name: /^recent activity$/i });
  await expect(activity).toContainText(`Signed in (${PROVIDER})`);
});

test("an unverified email makes no account; an existing account's email is not taken over", async ({
  page,
}) => {
  const owner = makeUser();
  await signUp(page, owner);
  await signOut(page);

  await viaProvider(page, `${makeUser().email}#unverified`);
  await expect(page.getByRole("alert").first()).toContainText(/did not give us a verified email address/i);
  expect(new URL(page.url()).pathname).toBe("/login");

  // The provider vouches for the owner's address, but that does not open the owner's account.
  await forgetProviderSession(page);
  await viaProvider(page, owner.email);
  await expect(page.getByRole("alert").first()).toContainText(/already exists/i);
  await expect(page.getByRole("alert").first()).toContainText(/connect test id in settings/i);
  await page.goto("/dashboard");
  await page.waitForURL((url) => url.pathname === "/login");
  // The owner still signs in as before.
  await new LoginPage(page).signIn(owner.email, owner.password);
  await page.waitForURL((url) => url.pathname === "/dashboard");
});

test("an unconfirmed account registered with someone else's email never opens with its password", async ({
  page,
}) => {
  const victim = makeUser();
  // Someone registers the victim's address and never confirms it (they cannot: it is not theirs).
  const registerPage = new RegisterPage(page);
  await registerPage.goto();
  await registerPage.fill(victim);
  await registerPage.submit();
  await page.waitForURL((url) => url.pathname === "/check-email");

  // The victim signs in with the provider: a new account of their own.
  await viaProvider(page, victim.email);
  await page.waitForURL((url) => url.pathname === "/dashboard");
  await expect(dashboardEmail(page)).toContainText(victim.email);
  await signOut(page);

  // The squatter's password opens nothing.
  await new LoginPage(page).signIn(victim.email, victim.password);
  await expect(page.getByRole("alert").first()).toContainText(/incorrect email or password/i);
  expect(new URL(page.url()).pathname).toBe("/login");
});

test("a tampered state or a replayed callback opens nothing and is no server error", async ({
  page,
  baseURL,
}) => {
  const email = makeUser().email;
  // The state this browser keeps for the flow is altered while it is at the provider: the
  // provider's answer no longer matches it. (The provider's redirect back cannot be rewritten in
  // flight; tests/integration/providers.test.ts alters the state parameter instead.)
  await new LoginPage(page).goto();
  await providerButton(page).click();
  await page.waitForURL((url) => url.origin === issuer);
  const state = (await page.context().cookies(baseURL)).find((cookie) =>
    cookie.name.endsWith("authjs.state"),
  );
  expect(state).toBeDefined();
  await page.context().addCookies([{ ...state!, value: `${state!.value.slice(0, -8)}AAAAAAAA` }]);
  await page.getByPlaceholder(/enter any login/i).fill(email);
  await page.getByPlaceholder(/and password/i).fill("any password");
  await page.getByRole("button", { name: /^sign-in$/i }).click();
  await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.has("error"));
  await expect(page.getByRole("alert").first()).toContainText(/sign-in failed|did not work/i);
  await page.goto("/dashboard");
  await page.waitForURL((url) => url.pathname === "/login");

  // A callback that worked once, replayed after signing out: its state and code are spent.
  await forgetProviderSession(page);
  const callback = page.waitForRequest((request) => request.url().includes("/api/auth/callback/oidc?"));
  await viaProvider(page, email);
  await page.waitForURL((url) => url.pathname === "/dashboard");
  const used = (await callback).url();
  await signOut(page);
  const replay = await page.goto(used);
  expect(replay?.status()).toBeLessThan(500);
  await page.waitForURL((url) => url.pathname === "/login");
  await page.goto("/dashboard");
  await page.waitForURL((url) => url.pathname === "/login");
});

test("connect from settings, sign in with it, disconnect; the last way in cannot go", async ({ page }) => {
  const user = makeUser();
  await signUp(page, user);
  const identity = makeUser().email; // the provider's account may have another address
  await connectProvider(page, user, identity);
  await signOut(page);

  await forgetProviderSession(page);
  await viaProvider(page, identity);
  await page.waitForURL((url) => url.pathname === "/dashboard");
  await expect(dashboardEmail(page)).toContainText(user.email);

  await page.goto("/settings");
  const section = connectedAccounts(page);
  await section.getByRole("button", { name: new RegExp(`^disconnect ${PROVIDER}$`, "i") }).click();
  await expect(section.getByRole("status").filter({ hasText: /is disconnected/i })).toBeVisible();
  await expect(section.getByRole("button", { name: new RegExp(`^connect ${PROVIDER}$`, "i") })).toBeVisible();
  await signOut(page);

  // An account made by the provider has no other way in: Disconnect is refused.
  await forgetProviderSession(page);
  await viaProvider(page, makeUser().email);
  await page.waitForURL((url) => url.pathname === "/dashboard");
  await page.goto("/settings");
  await section.getByRole("button", { name: new RegExp(`^disconnect ${PROVIDER}$`, "i") }).click();
  await expect(section.getByRole("alert").filter({ hasText: /only way to sign in/i })).toBeVisible();
  await page.reload();
  await expect(
    section.getByRole("button", { name: new RegExp(`^disconnect ${PROVIDER}$`, "i") }),
  ).toBeVisible();
});

test("the second factor is asked for after a provider sign-in", async ({ page }) => {
  const user: TestUser = makeUser();
  await signUp(page, user);
  const { secret } = await enableAuthenticatorApp(page, user);
  await connectProvider(page, user, user.email);
  await signOut(page);

  await viaProvider(page, user.email, { callbackUrl: "/settings" });
  await page.waitForURL((url) => url.pathname === "/login/two-factor");
  expect(await sessionCookie(page)).toBeUndefined();
  await page.getByLabel(/^authentication code$/i).fill(await appCode(secret, 30));
  await page.getByRole("button", { name: /^verify$/i }).click();
  await page.waitForURL((url) => url.pathname === "/settings");
});
