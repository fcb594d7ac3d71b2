import type { Page } from "@playwright/test";
import { expect, LoginPage, signUp, test } from "./fixtures";

// The admin account playwright.config.ts creates before the server starts (npm run
// create-admin); against a deployment, an existing admin's credentials.
const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL;
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD;

// An id shaped like a real one: the 404 must not depend on the id being malformed.
const SOME_ID = "c0000000000000000000000000";
const ADMIN_PAGES = ["/admin", "/admin/users", "/admin/users?q=a", `/admin/users/${SOME_ID}`, "/admin/audit"];
const CSV_EXPORT = "/admin/audit/export";

/** Every /admin path answers 404 to this browser, the pages with the site's "Page not found". */
async function expectNoConsole(page: Page, paths = ADMIN_PAGES) {
  await page.goto("/no-such-page-at-all");
  const missingTitle = await page.title();
  for (const path of paths) {
    await test.step(`${path} is a 404`, async () => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: /page not found/i })).toBeVisible();
      // Not even the tab's title tells the console exists.
      await expect(page).toHaveTitle(missingTitle);
    });
  }
  await test.step(`${CSV_EXPORT} is a 404`, async () => {
    const response = await page.request.get(CSV_EXPORT, { maxRedirects: 0 });
    expect(response.status()).toBe(404);
    expect(response.headers()["content-type"] ?? "").not.toMatch(/csv/);
    // Another method is a 404 too, never a 405 naming the methods the route has.
    expect((await page.request.post(CSV_EXPORT, { maxRedirects: 0 })).status()).toBe(404);
  });
}

test.describe("/admin to anyone but an admin", () => {
  test("a signed-out visitor gets 404 from every /admin path", async ({ page }) => {
    await expectNoConsole(page);
  });

  test("a plain signed-in user gets 404 from every /admin path, and no Admin link", async ({
    page,
    user,
  }) => {
    await signUp(page, user);
    await expect(page.getByRole("banner").getByRole("link", { name: /^settings$/i })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: /^admin$/i })).toHaveCount(0);
    await expectNoConsole(page);
  });
});

test.describe("the admin console", () => {
  test.skip(
    !ADMIN_EMAIL || !ADMIN_PASSWORD,
    "needs E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD: an admin account (playwright.config.ts creates one)",
  );
  // Two accounts sign in several times over; each sign-in is a bcrypt hash.
  test.describe.configure({ timeout: 180_000 });

  test("an admin finds a user, locks them (their open browser is signed out), unlocks them, and sees both in the audit log", async ({
    browser,
    page,
    user,
  }) => {
    // The user, signed in in a browser of their own.
    const userPage = await (await browser.newContext()).newPage();
    await signUp(userPage, user);

    await test.step("the admin signs in and opens the console from the header", async () => {
      const loginPage = new LoginPage(page);
      await loginPage.goto();
      await loginPage.signIn(ADMIN_EMAIL!, ADMIN_PASSWORD!);
      await page.waitForURL((url) => url.pathname === "/dashboard");
      await page
        .getByRole("banner")
        .getByRole("link", { name: /^admin$/i })
        .click();
      await page.waitForURL((url) => url.pathname === "/admin");
    });

    const userId = await test.step("finds the user by part of their address", async () => {
      await page
        .getByRole("navigation", { name: /admin console/i })
        .getByRole("link", { name: /^users$/i })
        .click();
      await page.waitForURL((url) => url.pathname === "/admin/users");
      const search = page.getByLabel(/^search users$/i);
      await search.fill(user.email.split("@")[0]!.toUpperCase());
      await search.press("Enter");
      await page.waitForURL((url) => url.searchParams.has("q"));
      const rows = page.getByRole("row").filter({ has: page.getByRole("cell") });
      await expect(rows).toHaveCount(1);
      await expect(rows).toContainText(user.email);
      await expect(rows).toContainText(/active/i);
      await rows.getByRole("link", { name: user.name }).click();
      await page.waitForURL((url) => /^\/admin\/users\/[a-z0-9]+$/.test(url.pathname));
      await expect(page.getByRole("heading", { level: 1, name: user.name })).toBeVisible();
      return new URL(page.url()).pathname.split("/").at(-1)!;
    });

    const notice = (text: RegExp) => page.getByRole("main").getByRole("status").filter({ hasText: text });

    await test.step("locks them, after confirming", async () => {
      await page.getByRole("button", { name: /^lock account$/i }).click();
      await expect(page.getByText(/are you sure/i)).toBeVisible();
      await page.getByRole("button", { name: /^lock account$/i }).click();
      await expect(notice(/account is locked/i)).toBeVisible();
      await expect(page.getByRole("button", { name: /^unlock account$/i })).toBeVisible();
      await expect(page.getByRole("region", { name: /^account$/i })).toContainText(/locked/i);
    });

    await test.step("their open browser is signed out on its next navigation, and cannot sign in", async () => {
      await userPage.goto("/dashboard");
      await userPage.waitForURL((url) => url.pathname === "/login");
      await new LoginPage(userPage).signIn(user.email, user.password);
      await expect(
        userPage.getByRole("alert").filter({ hasText: /incorrect email or password/i }),
      ).toBeVisible();
      expect(new URL(userPage.url()).pathname).toBe("/login");
    });

    await test.step("unlocks them, and they sign in again", async () => {
      await page.getByRole("button", { name: /^unlock account$/i }).click();
      await page.getByRole("button", { name: /^unlock account$/i }).click();
      await expect(notice(/account is unlocked/i)).toBeVisible();
      await expect(page.getByRole("button", { name: /^lock account$/i })).toBeVisible();
      await new LoginPage(userPage).goto();
      await new LoginPage(userPage).signIn(user.email, user.password);
      await userPage.waitForURL((url) => url.pathname === "/dashboard");
    });

    await test.step("sees both in the audit log, with the admin as actor, and in its CSV", async () => {
      await page
        .getByRole("navigation", { name: /admin console/i })
        .getByRole("link", { name: /^audit log$/i })
        .click();
      await page.waitForURL((url) => url.pathname === "/admin/audit");
      await page.getByLabel(/^user email$/i).fill(user.email);
      await page.getByRole("button", { name: /^filter$/i }).click();
      await page.waitForURL((url) => url.searchParams.get("user") === user.email);
      const rows = page.getByRole("row").filter({ has: page.getByRole("cell") });
      const locked = rows.filter({ hasText: /account locked by an administrator/i });
      const unlocked = rows.filter({ hasText: /account unlocked by an administrator/i });
      await expect(locked).toHaveCount(1);
      await expect(unlocked).toHaveCount(1);
      await expect(locked).toContainText(ADMIN_EMAIL!);
      // Newest first: the unlock is above the lock.
      await expect(rows.first()).toContainText(/signed in/i);
      const texts = await rows.allTextContents();
      const at = (pattern: RegExp) => texts.findIndex((text) => pattern.test(text));
      expect(at(/account unlocked/i)).toBeLessThan(at(/account locked/i));

      const href = await page.getByRole("link", { name: /^download csv$/i }).getAttribute("href");
      const csv = await page.request.get(href!);
      expect(csv.status()).toBe(200);
      expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
      const body = await csv.text();
      expect(body).toContain('"account.locked"');
      expect(body).toContain('"account.unlocked"');
      expect(body).toContain(`"${user.email}"`);
    });

    await test.step("the user, signed in again, cannot reach the console, not even their own page in it", async () => {
      await expectNoConsole(userPage, [`/admin/users/${userId}`, "/admin"]);
    });
  });
});
