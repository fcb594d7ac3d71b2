import type { Page } from "@playwright/test";
import { expect, signUp, SettingsPage, test } from "./fixtures";

/** This browser's choice of Arabic, as the footer's Language select would leave it. */
async function chooseArabic(page: Page) {
  await page.context().addCookies([{ name: "latchkey-locale", value: "ar", url: page.url() }]);
}

/** The page's text outside user data (names, emails, codes inside <bdi>, <code>, fields). */
function ownText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skip = "script, style, noscript, template, bdi, code, input, textarea, select, [dir='ltr']";
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && !node.parentElement?.closest(skip)) texts.push(text);
    }
    return texts;
  });
}

// Three Latin words in a row: an English sentence, or a piece of one, left untranslated.
const ENGLISH_RUN = /[A-Za-z][\w'’.-]*(?:[\s,:;]+[A-Za-z][\w'’.-]*){2,}/;

async function expectNoRawKeys(page: Page) {
  await expect(page.locator("body")).not.toContainText("⟦");
}

test.describe("/settings and /dashboard in Arabic", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a signed-in person who chose Arabic reads the signed-in pages in Arabic, right to left", async ({
    page,
    user,
  }) => {
    await signUp(page, user);
    await chooseArabic(page);

    await test.step("the dashboard", async () => {
      await page.goto("/dashboard");
      await expect(page.locator("html")).toHaveAttribute("lang", "ar");
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.getByRole("heading", { level: 1, name: "لوحة التحكم" })).toBeVisible();
      await expect(page).toHaveTitle(/^لوحة التحكم/);
      const banner = page.getByRole("banner");
      await expect(banner.getByRole("link", { name: "الإعدادات" })).toBeVisible();
      await expect(banner.getByRole("button", { name: "تسجيل الخروج" })).toBeVisible();
      await expectNoRawKeys(page);
      expect((await ownText(page)).filter((text) => ENGLISH_RUN.test(text))).toEqual([]);
    });

    await test.step("the settings, section by section", async () => {
      await page.goto("/settings");
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expect(page.getByRole("heading", { level: 1, name: "الإعدادات" })).toBeVisible();
      await expect(page).toHaveTitle(/^الإعدادات/);
      const region = (name: string) => page.getByRole("region", { name, exact: true });
      const profile = region("الملف الشخصي");
      await expect(profile.getByLabel("الاسم", { exact: true })).toHaveValue(user.name);
      await expect(profile.getByRole("button", { name: "حفظ الملف الشخصي" })).toBeVisible();
      const password = region("كلمة المرور");
      await expect(password.getByLabel("كلمة المرور الحالية", { exact: true })).toBeVisible();
      await expect(password.getByLabel("كلمة المرور الجديدة", { exact: true })).toBeVisible();
      await expect(password.getByLabel("تأكيد كلمة المرور", { exact: true })).toBeVisible();
      await expect(password.getByRole("button", { name: "تغيير كلمة المرور" })).toBeVisible();
      const email = region("البريد الإلكتروني");
      await expect(email.getByLabel("البريد الإلكتروني الجديد")).toBeVisible();
      await expect(email.getByRole("button", { name: "تغيير البريد الإلكتروني" })).toBeVisible();
      await expect(email).toContainText(user.email);
      await expect(
        region("المصادقة الثنائية").getByRole("button", { name: "إعداد تطبيق المصادقة" }),
      ).toBeVisible();
      await expect(region("مفاتيح المرور").getByRole("button", { name: "إضافة مفتاح مرور" })).toBeVisible();
      await expect(region("مفاتيح المرور")).toContainText("ليست لديك مفاتيح مرور بعد");
      const tokens = region("رموز الوصول الشخصية");
      await expect(tokens.getByLabel("اسم الرمز")).toBeVisible();
      await expect(tokens.getByRole("button", { name: "إنشاء رمز" })).toBeVisible();
      await expect(tokens).toContainText("ليست لديك رموز بعد");
      const sessions = region("الجلسات");
      await expect(sessions.getByRole("button", { name: "تسجيل الخروج من الجلسات الأخرى" })).toBeVisible();
      await expect(sessions).toContainText("هذا الجهاز");
      await expect(region("النشاط الأخير").getByRole("columnheader", { name: "الحدث" })).toBeVisible();
      await expect(
        region("النشاط الأخير").getByRole("rowheader", { name: "تسجيل دخول" }).first(),
      ).toBeVisible();
      const deletion = region("حذف الحساب");
      await expect(deletion).toContainText("منطقة الخطر");
      await expect(deletion.getByLabel("كلمة المرور الحالية", { exact: true })).toBeVisible();
      await expect(deletion.getByRole("button", { name: "حذف الحساب" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "أقسام الإعدادات" }).getByRole("link")).toContainText(
        ["الملف الشخصي", "كلمة المرور"],
      );
      await expectNoRawKeys(page);
      expect((await ownText(page)).filter((text) => ENGLISH_RUN.test(text))).toEqual([]);
    });

    await test.step("a validation message from the shared schema, in Arabic", async () => {
      const tokens = page.getByRole("region", { name: "رموز الوصول الشخصية", exact: true });
      await tokens.getByRole("button", { name: "إنشاء رمز" }).click();
      await expect(tokens.getByLabel("اسم الرمز")).toHaveAttribute("aria-invalid", "true");
      await expect(tokens).toContainText("سمِّ الرمز");
    });
  });

  test("the dashboard and settings in English show no raw message key", async ({ page, user }) => {
    await signUp(page, user);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectNoRawKeys(page);
    await new SettingsPage(page).goto();
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expectNoRawKeys(page);
  });
});

test.describe("/settings layout", () => {
  test.describe.configure({ timeout: 120_000 });

  test("the section list moves focus to the section it names, by click and by keyboard", async ({
    page,
    user,
  }) => {
    await signUp(page, user);
    const settings = new SettingsPage(page);
    await settings.goto();
    const nav = page.getByRole("navigation", { name: /^settings sections$/i });

    await nav.getByRole("link", { name: /^delete account$/i }).click();
    const deleteHeading = page.getByRole("heading", { level: 2, name: /^delete account$/i });
    await expect(deleteHeading).toBeFocused();
    await expect(deleteHeading).toBeInViewport();
    expect(new URL(page.url()).hash).toBe("#delete-account");

    await nav.getByRole("link", { name: /^passkeys$/i }).focus();
    await page.keyboard.press("Enter");
    const passkeysHeading = page.getByRole("heading", { level: 2, name: /^passkeys$/i });
    await expect(passkeysHeading).toBeFocused();
    await expect(passkeysHeading).toBeInViewport();
    // Tab goes on from the section it moved to.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("region", { name: /^passkeys$/i }).locator(":focus")).toHaveCount(1);
  });

  test("after a validation error on Delete account, the first click on the button still lands on it", async ({
    page,
    user,
  }) => {
    await signUp(page, user);
    const settings = new SettingsPage(page);
    await settings.goto();
    await settings.deleteAccountButton.click();
    await expect(settings.deleteCurrentPassword).toHaveAttribute("aria-invalid", "true");
    await expect(settings.deleteCurrentPassword).toBeFocused();
    await settings.deleteCurrentPassword.fill(user.password);
    await settings.deleteAccountButton.click();
    await expect(settings.deleteAccount.getByText(/cannot be undone/i)).toBeVisible();
    await expect(settings.deleteAccountButton).toBeFocused();
  });

  test("empty states say what is missing and what to do", async ({ page, user }) => {
    await signUp(page, user);
    const settings = new SettingsPage(page);
    await settings.goto();
    await expect(page.getByRole("region", { name: /^passkeys$/i })).toContainText(/no passkeys yet/i);
    await expect(page.getByRole("region", { name: /^personal access tokens$/i })).toContainText(
      /no tokens yet/i,
    );
    await expect(settings.sessions).toContainText(/no other sessions/i);
  });
});
