import type { APIRequestContext } from "@playwright/test";
import { expect, makeUser, test, testMailbox } from "./fixtures";

// What the signed-out screens add around their forms: the check-email page's address and
// resend button, the throttled form's countdown, and the home page's account of Latchkey.

async function failFiveTimes(request: APIRequestContext, email: string) {
  await test.step(`5 wrong passwords for ${email}`, async () => {
    for (let i = 0; i < 5; i++) {
      const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
      const response = await request.post("/api/auth/callback/credentials", {
        form: { csrfToken, email, password: `wrong password number ${i}` },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(302);
    }
  });
}

test.describe("signed-out screens", () => {
  test("the home page says what Latchkey is for", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(/latchkey is where you sign in/i);
    await expect(page.getByRole("heading", { level: 2, name: /what you can do here/i })).toBeVisible();
    await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(4);
    await expect(page.getByRole("main").getByRole("link", { name: /^sign in$/i })).toBeVisible();
  });

  test("a throttled sign-in counts down, then the form can be sent again", async ({
    page,
    request,
    loginPage,
  }) => {
    const { email, password } = makeUser();
    await failFiveTimes(request, email);
    await loginPage.goto();
    await loginPage.signIn(email, password);
    await expect(page.getByRole("alert").filter({ hasText: /too many/i })).toBeVisible();
    const timer = page.getByRole("timer");
    await expect(timer).toHaveText(/^you can try again in \d+ seconds?\.$/i);
    await expect(loginPage.submitButton).toBeDisabled();
    // The wait is the server's Retry-After (at most 10 seconds after 5 failures).
    await expect(timer).toBeHidden({ timeout: 20_000 });
    await expect(loginPage.submitButton).toBeEnabled();
  });

  test("check your inbox names the address and offers to send the link again", async ({
    page,
    registerPage,
    user,
  }) => {
    const mailbox = await testMailbox();
    await registerPage.goto();
    await registerPage.fill(user);
    await registerPage.submit();
    await page.waitForURL("**/check-email");
    await mailbox.waitFor(user.email, /confirm your email/i);
    await expect(page.getByRole("main").locator("bdi")).toHaveText(user.email);
    await expect(page.getByText(/at most one new link a minute/i)).toBeVisible();
    await page.getByRole("button", { name: /^send the link again$/i }).click();
    await expect(page.getByRole("status").filter({ hasText: /new link/i })).toHaveText(
      "If that address still needs confirming, we have sent it a new link.",
    );
  });

  test("the strength meter sits between the password and its error", async ({ page, registerPage }) => {
    await registerPage.goto();
    await registerPage.password.fill("short");
    await registerPage.submitButton.click();
    const field = page.locator(".field").filter({ has: registerPage.password });
    const strength = field.getByText(/^password strength: too short/i);
    const error = field.locator(".field-error");
    await expect(strength).toHaveAttribute("aria-live", "polite");
    await expect(error).toBeVisible();
    const [input, meter, message] = await Promise.all(
      [registerPage.password, strength, error].map((locator) => locator.boundingBox()),
    );
    expect(input && meter && message).toBeTruthy();
    expect(meter!.y).toBeGreaterThanOrEqual(input!.y + input!.height);
    expect(message!.y).toBeGreaterThanOrEqual(meter!.y + meter!.height);
  });
});
