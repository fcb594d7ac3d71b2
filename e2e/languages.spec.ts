import type { Browser, Page } from "@playwright/test";
import { expect, LoginPage, makeUser, signUp, test } from "./fixtures";

// English and Arabic on the signed-out screens: the browser's Accept-Language, then the
// footer's Language choice (a cookie), then the account's saved language at sign-in.

/** The signed-out screens, in their plain and their error states. */
const PAGES = [
  "/",
  "/login",
  "/login?callbackUrl=%2Fsettings",
  "/login?notice=password-reset",
  "/login?error=CredentialsSignin&code=throttled%3A30",
  "/login?error=CredentialsSignin&code=credentials",
  "/login?error=ProviderSignIn&code=email-taken&provider=oidc",
  "/login?error=Configuration",
  "/register",
  "/forgot-password",
  "/reset-password?token=not-a-real-token",
  "/verify-email",
  "/verify-email?token=not-a-real-token",
  "/check-email",
  "/check-email?reason=unverified",
];

async function browserIn(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale });
  return context.newPage();
}

const html = (page: Page) => page.locator("html");

/** Submits the form empty (and /register with a short password), so its field errors show. */
async function showErrors(page: Page, path: string) {
  if (path === "/register") await page.locator("input[type=password]").first().fill("short");
  await page.locator("main form button[type=submit]").first().click();
  await expect(page.locator("main [aria-invalid=true]").first()).toBeVisible();
}

/**
 * Runs of three or more Latin words in the main content, outside <bdi> and form fields (the
 * values and names that stay left-to-right): English left untranslated.
 */
async function englishLeft(page: Page): Promise<string[]> {
  return page.locator("main").evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    for (const element of copy.querySelectorAll("bdi, input, textarea, select, script, style, .sr-only"))
      element.remove();
    // Block boundaries as line breaks, so words of two elements never join into one run.
    for (const element of copy.querySelectorAll("*")) element.append("\n");
    return copy.textContent?.match(/[A-Za-z]{2,}(?:[ \t\u00a0]+[A-Za-z]{2,}){2,}/g) ?? [];
  });
}

test.describe("languages", () => {
  test("Accept-Language: ar gives an Arabic, right-to-left /login with its names translated", async ({
    browser,
  }) => {
    const page = await browserIn(browser, "ar");
    await page.goto("/login");
    await expect(html(page)).toHaveAttribute("lang", "ar");
    await expect(html(page)).toHaveAttribute("dir", "rtl");
    await expect(page).toHaveTitle(/^تسجيل الدخول · Latchkey$/);
    await expect(page.getByRole("heading", { level: 1, name: "تسجيل الدخول" })).toBeVisible();
    const email = page.getByLabel("البريد الإلكتروني", { exact: true });
    const password = page.getByLabel("كلمة المرور", { exact: true });
    await expect(email).toBeVisible();
    await expect(password).toBeVisible();
    await expect(page.getByRole("checkbox", { name: "تذكّرني" })).toBeVisible();
    await expect(page.getByRole("button", { name: "تسجيل الدخول", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "تسجيل الدخول بمفتاح مرور" })).toBeVisible();
    await expect(
      page.getByRole("button", { name: /^تسجيل الدخول عبر\s*\u2068?Test ID\u2069?$/ }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "هل نسيت كلمة المرور؟" })).toBeVisible();
    await expect(page.getByRole("link", { name: "إنشاء حساب" }).last()).toBeVisible();
    await expect(page.getByRole("combobox", { name: "اللغة" })).toHaveValue("ar");

    await test.step("the browser's own check and the server's answer are in Arabic too", async () => {
      await page.getByRole("button", { name: "تسجيل الدخول", exact: true }).click();
      await expect(email).toHaveAccessibleDescription("أدخل عنوان بريدك الإلكتروني.");
      await email.fill(makeUser().email);
      await password.fill("not the password at all");
      await page.getByRole("button", { name: "تسجيل الدخول", exact: true }).click();
      await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
        "البريد الإلكتروني أو كلمة المرور غير صحيحة.",
      );
    });
    await page.context().close();
  });

  test("the footer's Language choice persists across pages and beats Accept-Language", async ({
    browser,
  }) => {
    const page = await browserIn(browser, "ar");
    await page.goto("/login");
    await expect(html(page)).toHaveAttribute("lang", "ar");
    await page.getByRole("combobox", { name: "اللغة" }).selectOption("en");
    await expect(html(page)).toHaveAttribute("lang", "en");
    await expect(html(page)).toHaveAttribute("dir", "ltr");
    await expect(page.getByRole("button", { name: /^sign in$/i })).toBeVisible();

    await page.goto("/register");
    await expect(html(page)).toHaveAttribute("lang", "en");
    await expect(page.getByRole("button", { name: /^create account$/i })).toBeVisible();
    await expect(page.getByRole("combobox", { name: /^language$/i })).toHaveValue("en");

    await page.getByRole("combobox", { name: /^language$/i }).selectOption("ar");
    await expect(html(page)).toHaveAttribute("lang", "ar");
    await page.goto("/forgot-password");
    await expect(page.getByRole("button", { name: "إرسال رابط إعادة التعيين" })).toBeVisible();
    await page.context().close();
  });

  test("a signed-in choice is saved to the account, and a sign-in elsewhere adopts it", async ({
    browser,
    page,
    user,
  }) => {
    test.slow(); // a registration, a confirmation and two sign-ins
    await signUp(page, user);
    await page.getByRole("combobox", { name: /^language$/i }).selectOption("ar");
    await expect(html(page)).toHaveAttribute("lang", "ar");

    const elsewhere = await browserIn(browser, "en-US");
    const loginPage = new LoginPage(elsewhere);
    await loginPage.goto();
    await expect(html(elsewhere)).toHaveAttribute("lang", "en");
    await loginPage.signIn(user.email, user.password);
    await elsewhere.waitForURL((url) => url.pathname === "/dashboard");
    await expect(html(elsewhere)).toHaveAttribute("lang", "ar");
    await expect(html(elsewhere)).toHaveAttribute("dir", "rtl");
    await elsewhere.context().close();
  });

  for (const locale of ["en", "ar"] as const) {
    test(`no raw catalogue key on the signed-out screens in ${locale}`, async ({ browser }) => {
      test.slow(); // every screen, and the error states of its form
      const page = await browserIn(browser, locale);
      for (const path of PAGES) {
        await test.step(path, async () => {
          await page.goto(path);
          await expect(html(page)).toHaveAttribute("lang", locale);
          await expect(page.locator("body")).not.toContainText("⟦");
          expect(await page.title()).not.toContain("⟦");
          if (["/login", "/register", "/forgot-password"].includes(path)) {
            await showErrors(page, path);
            await expect(page.locator("body")).not.toContainText("⟦");
          }
          if (locale === "ar") expect(await englishLeft(page), path).toEqual([]);
          // The same check finds English where it belongs, so it is not blind.
          else if (path === "/login") expect(await englishLeft(page)).toContain("New to Latchkey");
        });
      }
      await page.context().close();
    });
  }
});
