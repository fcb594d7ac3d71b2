import { expect, LoginPage, test, testMailbox } from "./fixtures";

test.describe("email verification", () => {
  test("a new account confirms its address from the emailed link before it can sign in", async ({
    page,
    baseURL,
    registerPage,
    loginPage,
    user,
  }) => {
    const mailbox = await testMailbox();
    await registerPage.goto();
    await registerPage.fill(user);
    await registerPage.submit();

    await test.step("registration asks to check the inbox and opens no session", async () => {
      await page.waitForURL((url) => url.pathname === "/check-email");
      await expect(page.getByRole("status")).toContainText(/sent you a link/i);
      await page.goto("/dashboard");
      await page.waitForURL((url) => url.pathname === "/login");
    });

    const mail = await mailbox.waitFor(user.email, /confirm your email/i);
    const link = mailbox.link(mail, "/verify-email");
    await test.step("the mail names the product, has both bodies and links to AUTH_URL", () => {
      expect(mail.subject).toMatch(/latchkey/i);
      expect(mail.html).toContain(`href="${link.replaceAll("&", "&#38;")}"`);
      expect(new URL(link).origin).toBe(new URL(baseURL ?? "").origin);
      expect(new URL(link).searchParams.get("token")).toMatch(/^[\w-]{43}$/);
    });

    await test.step("opening the link alone confirms nothing", async () => {
      await page.goto(link);
      await expect(page.getByRole("button", { name: /^confirm email address$/i })).toBeVisible();
      await loginPage.goto();
      await loginPage.signIn(user.email, user.password);
      await page.waitForURL((url) => url.pathname === "/check-email" && url.search === "?reason=unverified");
      await expect(page.getByRole("status")).toContainText(/confirm your email address before signing in/i);
    });

    await test.step("confirming leads to the sign-in page, which says so", async () => {
      await page.goto(link);
      await page.getByRole("button", { name: /^confirm email address$/i }).click();
      await page.waitForURL((url) => url.pathname === "/login");
      await expect(page.getByRole("status")).toContainText(/email address is confirmed/i);
    });

    await test.step("the link works only once", async () => {
      await page.goto(link);
      await page.getByRole("button", { name: /^confirm email address$/i }).click();
      await expect(page.getByRole("alert").filter({ hasText: /./ })).toContainText(/already been used/i);
    });

    await test.step("now the password signs in", async () => {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(user.email, user.password);
      await page.waitForURL((url) => url.pathname === "/dashboard");
      await expect(page.getByRole("button", { name: /^resend verification email$/i })).toHaveCount(0);
    });
  });

  test("the dev outbox does not exist in production", async ({ request }) => {
    test.skip(!!process.env.BASE_URL, "the server's mode is unknown against BASE_URL");
    expect((await request.get("/dev/outbox")).status()).toBe(404);
  });
});
