import type { Browser, Page } from "@playwright/test";
import {
  confirmEmailFromMail,
  expect,
  LoginPage,
  makeUser,
  signUp,
  SettingsPage,
  test,
  testMailbox,
  type TestUser,
} from "./fixtures";

async function signIn(page: Page, user: TestUser, password = user.password) {
  const loginPage = new LoginPage(page);
  await loginPage.goto();
  await loginPage.signIn(user.email, password);
  await page.waitForURL((url) => url.pathname === "/dashboard");
}

/** The same user signed in from a second, separate browser. */
async function signInElsewhere(browser: Browser, user: TestUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, user);
  return page;
}

async function expectSignedOut(page: Page) {
  await page.goto("/dashboard");
  await page.waitForURL((url) => url.pathname === "/login");
}

test.describe("/settings", () => {
  // Each test signs up and in several times over; every one of those is a bcrypt hash.
  test.describe.configure({ timeout: 180_000 });

  test("is reached from the header and saves the profile name", async ({ page, user }) => {
    await signUp(page, user);
    await page
      .getByRole("banner")
      .getByRole("link", { name: /^settings$/i })
      .click();
    await page.waitForURL((url) => url.pathname === "/settings");
    const settings = new SettingsPage(page);
    await expect(settings.name).toHaveValue(user.name);

    await settings.name.fill("Ada Lovelace");
    await settings.saveProfileButton.click();
    await expect(settings.profile.getByRole("status")).toContainText(/saved/i);
    await expect(page.getByRole("banner")).toContainText("Ada Lovelace");

    await settings.name.fill("   ");
    await settings.saveProfileButton.click();
    await expect(settings.name).toHaveAttribute("aria-invalid", "true");
    await page.goto("/dashboard");
    await expect(page.getByRole("main")).toContainText("Ada Lovelace");
  });

  test("changing the password signs out the other browser, keeps this one, and the new password works", async ({
    browser,
    page,
    user,
    signOut,
  }) => {
    await signUp(page, user);
    const other = await signInElsewhere(browser, user);
    const settings = new SettingsPage(page);
    await settings.goto();

    await test.step("a wrong current password is a field error", async () => {
      await settings.changePassword("not my password at all", "Another-long-passphrase-42");
      await expect(settings.currentPassword).toHaveAttribute("aria-invalid", "true");
      await expect(settings.currentPassword).toBeFocused();
      await expect(settings.currentPassword).toHaveValue("not my password at all"); // kept by the browser, not echoed
    });

    const newPassword = `${user.password}-changed`;
    await settings.changePassword(user.password, newPassword);
    await expect(settings.password.getByRole("status")).toContainText(/password has been changed/i);
    await expect(settings.currentPassword).toHaveValue("");

    await expectSignedOut(other);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1, name: /dashboard/i })).toBeVisible();
    await (await testMailbox()).waitFor(user.email, /password was changed/i);

    await signOut();
    const loginPage = new LoginPage(page);
    await loginPage.signIn(user.email, user.password);
    await expect(page.getByRole("main").getByRole("alert")).toContainText(/incorrect email or password/i);
    await signIn(page, user, newPassword);
  });

  test("lists each session and signs out the others", async ({ browser, page, user }) => {
    await signUp(page, user);
    const other = await signInElsewhere(browser, user);
    const settings = new SettingsPage(page);
    await settings.goto();

    await expect(settings.sessionRows).toHaveCount(2);
    const thisDevice = settings.sessionRows.filter({ hasText: /this device/i });
    await expect(thisDevice).toHaveCount(1);
    await expect(thisDevice).toContainText(/chrome/i);
    await expect(thisDevice.getByRole("button")).toHaveCount(0);

    await settings.signOutOtherSessionsButton.click();
    await page.waitForURL((url) => url.searchParams.get("notice") === "other-sessions-revoked");
    await expect(page.getByRole("status").filter({ hasText: /every other session/i })).toBeVisible();
    await expect(settings.sessionRows).toHaveCount(1);
    await expectSignedOut(other);

    await test.step("revoke one session by its row", async () => {
      const third = await signInElsewhere(browser, user);
      await settings.goto();
      await expect(settings.sessionRows).toHaveCount(2);
      await settings.sessionRows
        .filter({ hasNotText: /this device/i })
        .getByRole("button", { name: /^revoke/i })
        .click();
      await page.waitForURL((url) => url.searchParams.get("notice") === "session-revoked");
      await expect(settings.sessionRows).toHaveCount(1);
      await expectSignedOut(third);
    });
  });

  test("an email change waits for the link sent to the new address; the old one gets notices", async ({
    page,
    user,
  }) => {
    const mailbox = await testMailbox();
    await signUp(page, user);
    const settings = new SettingsPage(page);
    await settings.goto();
    const newEmail = makeUser().email;

    await settings.newEmail.fill(newEmail);
    await settings.emailCurrentPassword.fill("wrong password here");
    await settings.changeEmailButton.click();
    await expect(settings.emailCurrentPassword).toHaveAttribute("aria-invalid", "true");

    await settings.emailCurrentPassword.fill(user.password);
    await settings.changeEmailButton.click();
    await expect(settings.email.getByRole("status")).toContainText(/we have sent a link/i);
    await mailbox.waitFor(user.email, /change of your email address was requested/i);
    await page.goto("/dashboard");
    await expect(page.getByRole("main")).toContainText(user.email);

    await confirmEmailFromMail(page, mailbox, newEmail);
    await mailbox.waitFor(user.email, /email address was changed/i);
    await page.goto("/dashboard");
    await expect(page.getByRole("main")).toContainText(newEmail);
  });

  test("an address that already has an account gets the same answer and no mail", async ({
    browser,
    page,
    user,
  }) => {
    const mailbox = await testMailbox();
    const owner = makeUser();
    await signUp(await (await browser.newContext()).newPage(), owner);
    const ownerMail = (await mailbox.to(owner.email)).length;
    await signUp(page, user);
    const settings = new SettingsPage(page);
    await settings.goto();

    await settings.newEmail.fill(owner.email.toUpperCase());
    await settings.emailCurrentPassword.fill(user.password);
    await settings.changeEmailButton.click();
    await expect(settings.email.getByRole("status")).toContainText(
      `We have sent a link to ${owner.email}. Your email address changes when you open it`,
    );
    await mailbox.waitFor(user.email, /change of your email address was requested/i);
    expect(await mailbox.to(owner.email)).toHaveLength(ownerMail);
  });

  test("deleting the account, after confirming, signs out to the landing page; sign-in fails afterwards", async ({
    page,
    user,
  }) => {
    await signUp(page, user);
    const settings = new SettingsPage(page);
    await settings.goto();

    await test.step("the first press only asks for confirmation; Cancel keeps the account", async () => {
      await settings.deleteCurrentPassword.fill(user.password);
      await settings.deleteAccountButton.click();
      await expect(settings.deleteAccountButton).toBeFocused();
      await settings.deleteAccount.getByRole("button", { name: /^cancel$/i }).click();
      await expect(settings.deleteAccount.getByText(/cannot be undone/i)).toBeHidden();
    });

    await test.step("a wrong password is refused even after confirming", async () => {
      await settings.deleteAccountWith("not my password at all");
      await expect(settings.deleteCurrentPassword).toHaveAttribute("aria-invalid", "true");
      expect(new URL(page.url()).pathname).toBe("/settings");
    });

    await settings.deleteAccountWith(user.password);
    await page.waitForURL((url) => url.pathname === "/");
    await expect(page.getByRole("status")).toContainText(/account has been deleted/i);
    await (await testMailbox()).waitFor(user.email, /account was deleted/i);
    await expect(page.getByRole("banner").getByRole("button", { name: /^sign out$/i })).toBeHidden();
    await expectSignedOut(page);

    const loginPage = new LoginPage(page);
    await loginPage.goto();
    await loginPage.signIn(user.email, user.password);
    await expect(page.getByRole("main").getByRole("alert")).toContainText(/incorrect email or password/i);
  });

  test.describe("Recent activity", () => {
    test.use({ timezoneId: "Asia/Tokyo" });

    test("Recent activity shows a sign-in with its address and device, and a failed attempt", async ({
      browser,
      page,
      user,
    }) => {
      await signUp(page, user);
      const elsewhere = await (await browser.newContext()).newPage();
      const loginPage = new LoginPage(elsewhere);
      await loginPage.goto();
      await loginPage.signIn(user.email, `${user.password} but wrong`);
      await expect(elsewhere.getByRole("alert").filter({ hasText: /./ })).toBeVisible();

      const settings = new SettingsPage(page);
      await settings.goto();
      const rows = settings.recentActivity.getByRole("row");
      const what = (name: RegExp) => rows.filter({ has: page.getByRole("rowheader", { name }) });
      const failed = what(/^failed sign-in attempt$/i);
      await expect(failed).toHaveCount(1);
      await expect(failed).toContainText("127.0.0.1");
      await expect(failed).toContainText(/chrome/i);
      const signedIn = what(/^signed in$/i);
      await expect(signedIn.first()).toContainText("127.0.0.1");
      // The device as words ("Chrome on Windows" for Playwright's desktop Chrome), not the raw header.
      await expect(signedIn.first()).toContainText(/chrome on \w+/i);
      await expect(signedIn.first()).not.toContainText("Mozilla");
      // Once hydrated, the time is in the viewer's own zone, and says which.
      await expect(signedIn.first().locator("time")).toHaveText(/GMT\+9$/);
    });
  });

  test("signed out, /settings sends to the sign-in page and back", async ({ page }) => {
    await page.goto("/settings");
    await page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/settings");
  });
});
