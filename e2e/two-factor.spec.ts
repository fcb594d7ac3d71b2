import type { Page } from "@playwright/test";
import {
  appCode as codeFor,
  enableAuthenticatorApp as enrol,
  expect,
  LoginPage,
  signUp,
  test,
  type TestUser,
} from "./fixtures";

// Two-factor sign-in with an authenticator app, driven as a person would: the app's codes are
// computed here from the `Setup key` the page shows, as the app would from the QR code.

const section = (page: Page) => page.getByRole("region", { name: /^two-factor authentication$/i });

/** The password step of a two-factor account ends on /login/two-factor, not signed in. */
async function passwordStep(
  page: Page,
  user: TestUser,
  options: { remember?: boolean; callbackUrl?: string } = {},
) {
  const loginPage = new LoginPage(page);
  await loginPage.goto(options.callbackUrl);
  await loginPage.signIn(user.email, user.password, { remember: options.remember });
  await page.waitForURL((url) => url.pathname === "/login/two-factor");
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel(/^authentication code$/i).fill(code);
  await page.getByRole("button", { name: /^verify$/i }).click();
}

async function signOutFrom(page: Page) {
  await page
    .getByRole("banner")
    .getByRole("button", { name: /^sign out$/i })
    .click();
  await page.waitForURL((url) => url.pathname === "/login");
}

test.describe("two-factor authentication", () => {
  test.describe.configure({ timeout: 180_000 });

  test("enrol, sign in with a code (a replayed one refused), a recovery code once, and switch off with a code", async ({
    page,
    user,
  }) => {
    await signUp(page, user);
    const { secret, enableCode, recoveryCodes } = await enrol(page, user);
    for (const code of recoveryCodes) expect(code).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
    const download = section(page).getByRole("link", { name: /download/i });
    await expect(download).toHaveAttribute("download", /\.txt$/);
    await expect(download).toHaveAttribute("href", new RegExp(`^data:text/plain.*${recoveryCodes[0]}`));
    await signOutFrom(page);

    // The code goes where Remember me and callbackUrl said, through the second step.
    await passwordStep(page, user, { remember: true, callbackUrl: "/settings" });
    const field = page.getByLabel(/^authentication code$/i);
    await expect(field).toHaveAttribute("autocomplete", "one-time-code");
    await expect(field).toHaveAttribute("inputmode", "numeric");
    // The code that switched the app on has been used: refused, as any code seen once is.
    await enterCode(page, enableCode);
    await expect(page.getByRole("alert").first()).toContainText(/did not work/i);
    await expect(page).toHaveURL(/\/login\/two-factor$/);
    const nextCode = await codeFor(secret, 30);
    await enterCode(page, nextCode);
    await page.waitForURL((url) => url.pathname === "/settings");
    const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("session-token"));
    expect(session?.expires).toBeGreaterThan(Date.now() / 1000 + 7 * 24 * 3600);
    await signOutFrom(page);

    await passwordStep(page, user);
    await enterCode(page, nextCode);
    await expect(page.getByRole("alert").first()).toContainText(/did not work/i);
    // A recovery code in the same field, once.
    await enterCode(page, recoveryCodes[0]!.toUpperCase());
    await page.waitForURL((url) => url.pathname === "/dashboard");
    await signOutFrom(page);
    await passwordStep(page, user);
    await enterCode(page, recoveryCodes[0]!);
    await expect(page.getByRole("alert").first()).toContainText(/did not work/i);
    await enterCode(page, recoveryCodes[1]!);
    await page.waitForURL((url) => url.pathname === "/dashboard");

    // Switching off needs the password and a code.
    await page.goto("/settings");
    const twoFactor = section(page);
    await expect(twoFactor).toContainText(/8 recovery codes left/i);
    const disable = twoFactor.getByRole("button", { name: /^disable two-factor authentication$/i });
    await twoFactor.getByLabel(/^current password$/i).fill(user.password);
    await disable.click();
    await expect(twoFactor.getByLabel(/^authentication code$/i)).toHaveAttribute("aria-invalid", "true");
    await twoFactor.getByLabel(/^authentication code$/i).fill("000000");
    await disable.click();
    await expect(twoFactor.getByRole("alert").first()).toContainText(/highlighted/i);
    await expect(twoFactor).toContainText(/not right/i);
    await twoFactor.getByLabel(/^current password$/i).fill(user.password);
    await twoFactor.getByLabel(/^authentication code$/i).fill(recoveryCodes[2]!);
    await disable.click();
    await expect(twoFactor.getByRole("status").first()).toContainText(/two-factor authentication is off/i);
    await expect(twoFactor.getByRole("button", { name: /^set up authenticator app$/i })).toBeVisible();
    await signOutFrom(page);

    const loginPage = new LoginPage(page);
    await loginPage.signIn(user.email, user.password);
    await page.waitForURL((url) => url.pathname === "/dashboard");
  });

  test("Auth.js's credentials endpoint gives a two-factor account only the pending step", async ({
    page,
    user,
  }) => {
    await signUp(page, user);
    const { secret } = await enrol(page, user);
    await signOutFrom(page);
    const api = page.context().request;
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await api.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: user.email, password: user.password, callbackUrl: "/dashboard" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    expect(new URL(response.headers()["location"]!).pathname).toBe("/login/two-factor");
    const setCookies = response.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie");
    expect(setCookies.some((header) => header.value.startsWith("latchkey-pending-sign-in="))).toBe(true);
    expect(setCookies.some((header) => /session-token=[^;]/.test(header.value))).toBe(false);
    // The browser that holds the pending step's cookie finishes it with a code.
    await page.goto("/login/two-factor");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/two-factor/i);
    await enterCode(page, await codeFor(secret, 30));
    await page.waitForURL((url) => url.pathname === "/dashboard");
  });
});
