import type { Page } from "@playwright/test";
import { enableAuthenticatorApp, expect, LoginPage, signUp, test } from "./fixtures";
import { PasskeysSection, VirtualAuthenticator, withoutPasskeyAutofill } from "./passkey-fixtures";

const passkeyButton = (page: Page) => page.getByRole("button", { name: /^sign in with a passkey$/i });

test.describe("passkeys", () => {
  test.describe.configure({ timeout: 120_000 });

  test("add one in settings, sign in with it alone, remove it", async ({ page, user, signOut }) => {
    await withoutPasskeyAutofill(page);
    const authenticator = await VirtualAuthenticator.attach(page);
    await signUp(page, user);
    const passkeys = new PasskeysSection(page);

    await test.step("a sign-in minutes old needs no password to add one", async () => {
      await page.goto("/settings");
      await expect(passkeys.name).not.toHaveValue("");
      await expect(passkeys.currentPassword).toHaveCount(0);
      await passkeys.add("E2E laptop");
      await expect(passkeys.row("E2E laptop")).toContainText(/never/i);
      const [credential, ...others] = await authenticator.credentials();
      expect(others).toHaveLength(0);
      expect(credential?.isResidentCredential).toBe(true);
    });

    await test.step("the same authenticator cannot be added twice", async () => {
      await passkeys.name.fill("Again");
      await passkeys.addButton.click();
      await expect(passkeys.region.getByRole("alert").filter({ hasText: /already/i })).toBeVisible();
      await expect(passkeys.rows).toHaveCount(1);
    });

    await signOut();
    await test.step("the passkey alone signs in, without a second step", async () => {
      await new LoginPage(page).goto();
      await passkeyButton(page).click();
      await page.waitForURL((url) => url.pathname === "/dashboard");
      await expect(page.getByRole("heading", { level: 1, name: /dashboard/i })).toBeVisible();
    });

    await test.step("it shows when it was last used, and is removed, Rename field emptied or not", async () => {
      await page.goto("/settings");
      const row = passkeys.row("E2E laptop");
      await expect(row).not.toContainText(/never/i);
      await row.getByRole("button", { name: /^rename/i }).click();
      await row.getByLabel(/^new name/i).fill("");
      await row.getByRole("button", { name: /^remove/i }).click();
      await expect(passkeys.region.getByRole("status")).toContainText(
        /removed, and every other session has been signed out/i,
      );
      await expect(passkeys.rows).toHaveCount(0);
    });

    await signOut();
    await test.step("a removed passkey signs nothing in", async () => {
      await passkeyButton(page).click();
      await expect(page.getByRole("main").getByRole("alert")).toContainText(/could not sign you in/i);
      expect(new URL(page.url()).pathname).toBe("/login");
    });
  });

  test("without user verification nothing is signed in; with it, back to the callbackUrl", async ({
    page,
    user,
    signOut,
  }) => {
    await withoutPasskeyAutofill(page);
    const authenticator = await VirtualAuthenticator.attach(page);
    await signUp(page, user);
    await new PasskeysSection(page).add("Phone");
    await signOut();

    const loginPage = new LoginPage(page);
    await test.step("the fingerprint does not match: the login form says so, and nothing more", async () => {
      await authenticator.setUserVerified(false);
      await loginPage.goto();
      await passkeyButton(page).click();
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(
        "That passkey could not sign you in.",
      );
      await expect(passkeyButton(page)).toBeEnabled();
      await page.goto("/dashboard");
      await page.waitForURL((url) => url.pathname === "/login");
    });

    await test.step("verified, with Remember me, it lands on the page that asked for it", async () => {
      await authenticator.setUserVerified(true);
      await loginPage.goto("/settings");
      await loginPage.rememberMe.check();
      await passkeyButton(page).click();
      await page.waitForURL((url) => url.pathname === "/settings");
      const cookies = await page.context().cookies();
      const session = cookies.find((cookie) => /authjs\.session-token$/.test(cookie.name));
      expect(session?.expires).toBeGreaterThan(Date.now() / 1000 + 7 * 24 * 3600);
      // The challenge was bound to this browser (lib/passkeys/browser-binding.ts).
      const binding = cookies.find((cookie) => cookie.name === "latchkey-passkey");
      expect(binding).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    });
  });

  test("the email field's autofill offers the passkey, which signs in on its own", async ({ page, user }) => {
    await VirtualAuthenticator.attach(page);
    await signUp(page, user);
    await new PasskeysSection(page).add("Autofill");
    // Signed out without a stop on /login, where the autofill would already answer.
    await page.context().clearCookies();
    await page.goto("/login?callbackUrl=%2Fsettings");
    await expect(page.getByLabel(/^email$/i)).toHaveAttribute("autocomplete", "username webauthn");
    // The virtual authenticator picks the passkey from the autofill, as a person would.
    await page.waitForURL((url) => url.pathname === "/settings");
    await expect(new PasskeysSection(page).row("Autofill")).not.toContainText(/never/i);
  });

  test("with two-factor authentication on, adding one needs the password and a code", async ({
    page,
    user,
  }) => {
    await withoutPasskeyAutofill(page);
    const authenticator = await VirtualAuthenticator.attach(page);
    await signUp(page, user);
    const { recoveryCodes } = await enableAuthenticatorApp(page, user);
    const passkeys = new PasskeysSection(page);

    await test.step("minutes after signing in, the form asks for both, and says why", async () => {
      await page.goto("/settings");
      await expect(passkeys.region).toContainText(
        /with two-factor authentication on, adding one needs both/i,
      );
      await expect(passkeys.currentPassword).toBeVisible();
      await expect(passkeys.code).toBeVisible();
    });

    await test.step("a wrong code is refused on its field, and nothing is added", async () => {
      await passkeys.name.fill("Guarded");
      await passkeys.currentPassword.fill(user.password);
      await passkeys.code.fill("abcd-efgh-jkmn-pqrs");
      await passkeys.addButton.click();
      await expect(passkeys.region.getByText(/^that code is not right/i)).toBeVisible();
      await expect(passkeys.code).toHaveAttribute("aria-invalid", "true");
      await expect(passkeys.rows).toHaveCount(0);
      expect(await authenticator.credentials()).toHaveLength(0);
    });

    await test.step("the password and a recovery code add it", async () => {
      await passkeys.region.getByRole("button", { name: /^use a recovery code$/i }).click();
      await passkeys.code.fill(recoveryCodes[0]!);
      await passkeys.addButton.click();
      await expect(passkeys.region.getByRole("status").filter({ hasText: /added/i })).toBeVisible();
      await expect(passkeys.row("Guarded")).toBeVisible();
      expect(await authenticator.credentials()).toHaveLength(1);
    });
  });
});
