import type { Page } from "@playwright/test";
import { expect, SettingsPage, test, type RegisterPage, type TestUser } from "./fixtures";

// The password policy at registration (the default PASSWORD_MIN_LENGTH of 15).

const passwordError = (page: Page) => page.getByLabel(/^password$/i);

async function registerAs(registerPage: RegisterPage, user: TestUser) {
  await registerPage.goto();
  await registerPage.fill(user);
  await registerPage.submit();
  await registerPage.page.waitForURL((url) => url.pathname !== "/register");
}

/**
 * Signs in and expects the password to have matched: either the dashboard, or (with email
 * verification required) the answer given only after a matching password.
 */
async function expectPasswordAccepted(page: Page, email: string, password: string) {
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel(/^email$/i).fill(email);
  await page.getByLabel(/^password$/i).fill(password);
  await page.getByRole("button", { name: /^sign in$/i }).click();
  const matched = page.getByText(/please confirm your email address/i);
  await expect(
    page
      .getByRole("heading", { level: 1, name: /dashboard/i })
      .or(matched)
      .first(),
  ).toBeVisible();
  await expect(page.getByText(/incorrect email or password/i)).toBeHidden();
}

test.describe("password policy", () => {
  test("refuses 14 characters and accepts 15, with the reason on the field", async ({
    page,
    registerPage,
    user,
  }) => {
    await registerPage.goto();
    await registerPage.fill({ ...user, password: "a7#kq0-zvp3m!r" });
    await registerPage.submit();
    await expect(passwordError(page)).toHaveAccessibleDescription(/use at least 15 characters/i);
    await expect(page).toHaveURL(/\/register/);

    await registerPage.fill({ ...user, password: "a7#kq0-zvp3m!rt" });
    await registerPage.submit();
    await page.waitForURL((url) => url.pathname !== "/register");
  });

  test("counts 8 emoji as 8 characters", async ({ page, registerPage, user }) => {
    await registerPage.goto();
    await registerPage.fill({ ...user, password: "🔑🦊🌍🎲🧩🚲🍋🎈" });
    await expect(page.getByText(/too short \(8 of 15 characters\)/i)).toBeVisible();
    await registerPage.submit();
    await expect(passwordError(page)).toHaveAccessibleDescription(/use at least 15 characters/i);
  });

  test("refuses a common password (checked on the server) and one containing context words", async ({
    page,
    registerPage,
    user,
  }) => {
    await registerPage.goto();
    await registerPage.fill({ ...user, password: "mailcreated5240" });
    await registerPage.submit();
    await expect(passwordError(page)).toHaveAccessibleDescription(/one of the most common passwords/i);

    for (const password of ["my-latchkey-password", `${user.email.split("@")[0]}-forever`]) {
      await registerPage.fill({ ...user, password });
      await registerPage.submit();
      await expect(passwordError(page)).toHaveAccessibleDescription(
        /your name, your email address or the word/i,
      );
    }
    await expect(page).toHaveURL(/\/register/);
  });

  test("shows the strength in words as the password is typed", async ({ page, registerPage }) => {
    await registerPage.goto();
    await registerPage.password.fill("short");
    await expect(page.getByText("Password strength: Too short (5 of 15 characters)")).toBeVisible();
    await registerPage.password.fill("correct horse battery staple");
    await expect(page.getByText("Password strength: Strong")).toBeVisible();
  });

  test("accepts 64 euro signs, which then sign in", async ({ page, registerPage, user }) => {
    const euros = { ...user, password: "€".repeat(64) };
    await registerAs(registerPage, euros);
    await expectPasswordAccepted(page, euros.email, euros.password);
  });

  test("a password typed in another Unicode normal form signs in", async ({ page, registerPage, user }) => {
    const nfc = { ...user, password: "Crème brûlée à la fête 2026".normalize("NFC") };
    await registerAs(registerPage, nfc);
    await expectPasswordAccepted(page, nfc.email, nfc.password.normalize("NFD"));
  });

  test("the change form on /settings applies the same rules, with the user's own name and email", async ({
    page,
    registerPage,
    user,
  }) => {
    test.slow(); // registration, confirmation, sign-in and several password checks
    await registerPage.goto();
    await registerPage.fill(user);
    await registerPage.submit();
    await registerPage.finishSignedIn(user);
    const settings = new SettingsPage(page);
    await settings.goto();

    await settings.newPassword.fill("short");
    await expect(
      settings.password.getByText("Password strength: Too short (5 of 15 characters)"),
    ).toBeVisible();
    await settings.changePassword(user.password, `${user.name} forever`);
    await expect(settings.newPassword).toHaveAccessibleDescription(
      /your name, your email address or the word/i,
    );
    await settings.changePassword(user.password, "mailcreated5240");
    await expect(settings.newPassword).toHaveAccessibleDescription(/one of the most common passwords/i);
    await settings.changePassword(user.password, "€".repeat(64));
    await expect(settings.password.getByRole("status")).toContainText(/password has been changed/i);
  });
});
