import { expect, SettingsPage, test, testMailbox } from "./fixtures";

// Every form posts to its server action without JavaScript, and the page that comes back
// carries the action's answer: for a browser whose scripts are blocked or have not loaded yet.
test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test.describe.configure({ timeout: 120_000 });

  test("register, sign in after a wrong password, reset the password, delete the account", async ({
    page,
    registerPage,
    loginPage,
    signOut,
    user,
  }) => {
    await registerPage.goto();
    await test.step("a mistake comes back from the server onto its field", async () => {
      await registerPage.fill(user, { confirmPassword: `${user.password}x` });
      await registerPage.submit();
      await expect(registerPage.confirmPassword).toHaveAttribute("aria-invalid", "true");
      await expect(registerPage.page.getByText("The passwords do not match.")).toBeVisible();
    });
    await registerPage.fill(user);
    await registerPage.submit();
    await registerPage.finishSignedIn(user);
    await signOut();

    await test.step("a wrong password: the server's answer, and the password not sent back", async () => {
      await loginPage.goto();
      await loginPage.signIn(user.email, "not my password at all");
      await expect(page.getByRole("main").getByRole("alert")).toContainText(/incorrect email or password/i);
      await expect(loginPage.password).toHaveValue("");
    });
    await loginPage.signIn(user.email, user.password);
    await page.waitForURL((url) => url.pathname === "/dashboard");
    await signOut();

    const newPassword = `${user.password}-renewed`;
    await test.step("reset the password from the emailed link", async () => {
      const mailbox = await testMailbox();
      await loginPage.goto();
      await loginPage.forgotPasswordLink.click();
      await page.getByLabel(/^email$/i).fill(user.email);
      await page.getByRole("button", { name: /^send reset link$/i }).click();
      await expect(page.getByRole("status")).toContainText(/if an account uses that address/i);
      const mail = await mailbox.waitFor(user.email, /reset your password/i);
      await page.goto(mailbox.link(mail, "/reset-password"));
      expect(new URL(page.url()).search).toBe("");
      await page.getByLabel(/^new password$/i).fill(newPassword);
      await page.getByLabel(/^confirm password$/i).fill(newPassword);
      await page.getByRole("button", { name: /^reset password$/i }).click();
      await page.waitForURL((url) => url.pathname === "/login");
    });
    await loginPage.signIn(user.email, newPassword);
    await page.waitForURL((url) => url.pathname === "/dashboard");

    const settings = new SettingsPage(page);
    await settings.goto();
    await test.step("the first press only brings the confirmation, from the server", async () => {
      await settings.deleteCurrentPassword.fill(newPassword);
      await settings.deleteAccountButton.click();
      await expect(settings.deleteAccount.getByText(/cannot be undone/i)).toBeVisible();
      await expect(settings.deleteCurrentPassword).toHaveValue("");
    });
    await settings.deleteCurrentPassword.fill(newPassword);
    await settings.deleteAccountButton.click();
    await page.waitForURL((url) => url.pathname === "/");
    await expect(page.getByRole("status")).toContainText(/account has been deleted/i);

    await loginPage.goto();
    await loginPage.signIn(user.email, newPassword);
    await expect(page.getByRole("main").getByRole("alert")).toContainText(/incorrect email or password/i);
  });
});
