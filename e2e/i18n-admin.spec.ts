import type { BrowserContext, Page } from "@playwright/test";
import { expect, LoginPage, test } from "./fixtures";

// The admin console and the error pages in Arabic: right to left, their own words, no raw key.
const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL;
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD;

async function chooseArabic(context: BrowserContext, baseURL: string | undefined) {
  await context.addCookies([{ name: "latchkey-locale", value: "ar", url: baseURL ?? "http://localhost" }]);
}

async function expectArabicPage(page: Page, heading: string | RegExp) {
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expect(page.locator("body")).not.toContainText("⟦");
  expect(await page.title()).not.toContain("⟦");
}

test.describe("error pages in Arabic", () => {
  test("a missing page answers 404 in Arabic, right to left", async ({ page, context, baseURL }) => {
    await chooseArabic(context, baseURL);
    const response = await page.goto("/no-such-page-anywhere");
    expect(response?.status()).toBe(404);
    await expectArabicPage(page, "الصفحة غير موجودة");
    await expect(page).toHaveTitle(/^الصفحة غير موجودة/);
    await expect(page.getByRole("link", { name: "الانتقال إلى الصفحة الرئيسية" })).toBeVisible();
  });

  test("the error drill's failure shows the Arabic error page", async ({ page, context, baseURL }) => {
    test.skip(!!process.env.BASE_URL, "needs ERROR_DRILL=true, which only the test server sets");
    await chooseArabic(context, baseURL);
    await page.goto("/dev/error");
    await expectArabicPage(page, "تمرين الخطأ");
    await page.getByRole("button", { name: "فشل متعمَّد" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("حدث خطأ ما");
    await expect(page.getByRole("button", { name: "حاول مجددًا" })).toBeVisible();
    await expectArabicPage(page, "حدث خطأ ما");
  });
});

test.describe("the admin console in Arabic", () => {
  test.skip(
    !ADMIN_EMAIL || !ADMIN_PASSWORD,
    "needs E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD: an admin account (playwright.config.ts creates one)",
  );

  test("every page is right to left, in Arabic, with no raw key", async ({ page, context, baseURL }) => {
    const loginPage = new LoginPage(page);
    await loginPage.goto();
    await loginPage.signIn(ADMIN_EMAIL!, ADMIN_PASSWORD!);
    await page.waitForURL((url) => url.pathname === "/dashboard");
    await chooseArabic(context, baseURL);

    for (const [path, heading] of [
      ["/admin", "لوحة الإدارة"],
      ["/admin/users", "المستخدمون"],
      ["/admin/audit", "سجل التدقيق"],
    ] as const) {
      await test.step(path, async () => {
        await page.goto(path);
        await expectArabicPage(page, heading);
        await expect(page.getByRole("navigation", { name: "لوحة الإدارة" })).toBeVisible();
      });
    }

    await test.step("an account's page", async () => {
      await page.goto(`/admin/users?${new URLSearchParams({ q: ADMIN_EMAIL! })}`);
      await expect(page.getByRole("searchbox", { name: "البحث عن المستخدمين" })).toBeVisible();
      await page.getByRole("row").filter({ hasText: ADMIN_EMAIL! }).getByRole("link").click();
      await page.waitForURL((url) => /^\/admin\/users\/\w+$/.test(url.pathname));
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.getByRole("region", { name: "الحساب" })).toContainText("مسؤول");
      await expect(page.getByRole("region", { name: "الجلسات" })).toBeVisible();
      await expect(page.locator("body")).not.toContainText("⟦");
    });
  });
});
