import type { Browser, Page } from "@playwright/test";
import { expect, LoginPage, makeUser, RegisterPage, test, testMailbox, type TestUser } from "./fixtures";

async function registerSignedIn(page: Page, user: TestUser) {
  const registerPage = new RegisterPage(page);
  await registerPage.goto();
  await registerPage.fill(user);
  await registerPage.submit();
  await registerPage.finishSignedIn(user);
}

async function signedInBrowser(browser: Browser, user: TestUser) {
  const page = await (await browser.newContext()).newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(user.email, user.password);
  await page.waitForURL((url) => url.pathname === "/dashboard");
  return page;
}

/** Submits /forgot-password for `email` and returns the answer shown. */
async function askForResetLink(page: Page, email: string) {
  await page.goto("/forgot-password");
  await page.getByLabel(/^email$/i).fill(email);
  await page.getByRole("button", { name: /^send reset link$/i }).click();
  const answer = page.getByRole("status");
  await expect(answer).toContainText(/if an account uses that address/i);
  return answer.textContent();
}

test.describe("forgot and reset password", () => {
  test("known and unknown addresses get the same answer; only the real account gets mail", async ({
    browser,
    page,
    user,
  }) => {
    const mailbox = await testMailbox();
    await registerSignedIn(page, user);
    const stranger = makeUser();

    const signedOut = await (await browser.newContext()).newPage();
    const unknownAnswer = await askForResetLink(signedOut, stranger.email);
    const unknownUrl = signedOut.url();
    const knownAnswer = await askForResetLink(signedOut, user.email);
    expect(knownAnswer).toBe(unknownAnswer);
    expect(signedOut.url()).toBe(unknownUrl);

    await mailbox.waitFor(user.email, /reset your password/i);
    expect(await mailbox.to(stranger.email)).toEqual([]);
  });

  test("a reset link works once, replaces the password and signs out every browser", async ({
    browser,
    baseURL,
    page,
    user,
  }) => {
    const mailbox = await testMailbox();
    await registerSignedIn(page, user);
    const secondBrowser = await signedInBrowser(browser, user);

    const resetting = await (await browser.newContext()).newPage();
    await askForResetLink(resetting, user.email);
    const mail = await mailbox.waitFor(user.email, /reset your password/i);
    const link = mailbox.link(mail, "/reset-password");
    expect(new URL(link).origin).toBe(new URL(baseURL ?? "").origin);
    expect(mail.text).toMatch(/1 hour/);

    const newPassword = `${user.password}-new`;
    await test.step("set a new password from the link", async () => {
      await resetting.goto(link);
      await resetting.getByLabel(/^new password$/i).fill(newPassword);
      await resetting.getByLabel(/^confirm password$/i).fill(newPassword);
      await resetting.getByRole("button", { name: /^reset password$/i }).click();
      await resetting.waitForURL((url) => url.pathname === "/login");
      await expect(resetting.getByRole("status")).toContainText(/password has been reset/i);
    });

    await test.step("both signed-in browsers are signed out", async () => {
      for (const signedIn of [page, secondBrowser]) {
        await signedIn.goto("/dashboard");
        await signedIn.waitForURL((url) => url.pathname === "/login");
      }
    });

    await test.step("the link does not work again", async () => {
      await resetting.goto(link);
      await expect(resetting.getByRole("main").getByRole("alert")).toContainText(/already been used/i);
      await expect(resetting.getByRole("button", { name: /^reset password$/i })).toHaveCount(0);
    });

    await test.step("the old password stops working, the new one signs in", async () => {
      const login = new LoginPage(resetting);
      await login.goto();
      await login.signIn(user.email, user.password);
      await expect(resetting.getByRole("alert").filter({ hasText: /./ })).toContainText(
        /incorrect email or password/i,
      );
      await login.signIn(user.email, newPassword);
      await resetting.waitForURL((url) => url.pathname === "/dashboard");
    });

    const notice = await mailbox.waitFor(user.email, /password was changed/i);
    expect(notice.text).toMatch(/IP address: /);
    expect(notice.text).toMatch(/if this was not you/i);
  });

  test("a mistyped confirmation keeps the link usable", async ({ browser, page, user }) => {
    const mailbox = await testMailbox();
    await registerSignedIn(page, user);
    const signedOut = await (await browser.newContext()).newPage();
    await askForResetLink(signedOut, user.email);
    const link = mailbox.link(await mailbox.waitFor(user.email, /reset your password/i), "/reset-password");
    await signedOut.goto(link);
    await signedOut.getByLabel(/^new password$/i).fill("a brand new password");
    await signedOut.getByLabel(/^confirm password$/i).fill("a different password");
    await signedOut.getByRole("button", { name: /^reset password$/i }).click();
    await expect(signedOut.getByLabel(/^confirm password$/i)).toHaveAttribute("aria-invalid", "true");
    await signedOut.goto(link);
    await expect(signedOut.getByRole("button", { name: /^reset password$/i })).toBeVisible();
  });
});
