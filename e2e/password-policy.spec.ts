import type { Page } from "@playwright/test";
import { expect, SettingsPage, test, testMailbox, type RegisterPage, type TestUser } from "./fixtures";

// The password policy at registration (the default PASSWORD_MIN_LENGTH of 15).

const passwordError = (page: Page) => page.getByLabel(/^password$/i);

/** 39 characters, 116 bytes in UTF-8: past bcrypt's 72, so only the pre-hash keeps all of it. */
const MULTIBYTE = "三つの鍵を忘れた猫が、夜明けの港で古い地図を読みながら€と¥の違いを考えている";

/**
 * Long enough, and what a guesser tries first (a keyboard walk, a repeat, a sequence), with
 * the reason the server gives: each differs from the one before, so none is read stale.
 */
const LONG_WEAK: [string, RegExp][] = [
  ["qwertyuiop12345", /similar to a commonly used password/i],
  ["passwordpassword", /repeated character patterns .* are easy to guess/i],
  ["123456789012345", /similar to a commonly used password/i],
];

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

  test("accepts a password of 116 UTF-8 bytes, which then signs in", async ({ page, registerPage, user }) => {
    const multibyte = { ...user, password: MULTIBYTE };
    await registerAs(registerPage, multibyte);
    await expectPasswordAccepted(page, multibyte.email, multibyte.password);
  });

  test("long weak passwords are refused with a reason", async ({ page, registerPage, user }) => {
    test.slow(); // two forms, three passwords each, and the mail between them
    await registerPage.goto();
    for (const [password, reason] of LONG_WEAK) {
      await test.step(`register with ${password}`, async () => {
        await registerPage.fill({ ...user, password });
        await registerPage.submit();
        await expect(passwordError(page)).toHaveAccessibleDescription(reason);
      });
    }
    await expect(page).toHaveURL(/\/register/);

    // The same rule on the reset form, reached from the emailed link.
    const mailbox = await testMailbox();
    await registerPage.fill(user);
    await registerPage.submit();
    await registerPage.finishSignedIn(user);
    await page.context().clearCookies();
    await page.goto("/forgot-password");
    await page.getByLabel(/^email$/i).fill(user.email);
    await page.getByRole("button", { name: /^send reset link$/i }).click();
    await page.goto(
      mailbox.link(await mailbox.waitFor(user.email, /reset your password/i), "/reset-password"),
    );
    const newPassword = page.getByLabel(/^new password$/i);
    for (const [password, reason] of LONG_WEAK) {
      await test.step(`reset to ${password}`, async () => {
        await newPassword.fill(password);
        await page.getByLabel(/^confirm password$/i).fill(password);
        await page.getByRole("button", { name: /^reset password$/i }).click();
        await expect(newPassword).toHaveAccessibleDescription(reason);
      });
    }
    await expect(page).toHaveURL(/\/reset-password/);
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
    await settings.changePassword(user.password, "iloveyouiloveyou");
    await expect(settings.newPassword).toHaveAccessibleDescription(/repeated character patterns/i);
    await settings.changePassword(user.password, MULTIBYTE);
    await expect(settings.password.getByRole("status")).toContainText(/password has been changed/i);
  });
});
