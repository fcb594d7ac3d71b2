import type { APIRequestContext } from "@playwright/test";
import { expect, makeUser, test } from "./fixtures";

// Per-account throttling through both ways in. Per-address limits, the lock email and two
// app processes are covered by tests/integration (sign-in-throttle, rate-limit), since
// every browser here shares one address.

/** Signs in through Auth.js's own endpoint, as a script or attacker would. */
async function postCredentials(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password },
    maxRedirects: 0,
  });
}

async function failFiveTimes(request: APIRequestContext, email: string) {
  await test.step(`5 wrong passwords for ${email}`, async () => {
    for (let i = 0; i < 5; i++) {
      const response = await postCredentials(request, email, `wrong password number ${i}`);
      expect(response.status()).toBe(302);
      expect(response.headers().location).toContain("error=CredentialsSignin");
    }
  });
}

const throttledMessage = /^too many sign-in attempts\. please wait \d+ seconds? and try again\.$/i;

test.describe("form throttling", () => {
  test("registration says how long to wait after 5 attempts for one email", async ({
    page,
    registerPage,
    user,
  }) => {
    test.slow(); // six registrations, each hashing a password
    await registerPage.goto();
    await registerPage.fill(user);
    await registerPage.submit();
    await page.waitForURL((url) => url.pathname !== "/register");
    for (let i = 0; i < 4; i++) {
      await registerPage.goto();
      await registerPage.fill({ ...user, name: `Attempt ${i}` });
      await registerPage.submit();
      // An address that has an account answers like a new one (and its owner is mailed).
      await page.waitForURL("**/check-email");
    }
    await registerPage.goto();
    await registerPage.fill(user);
    await registerPage.submit();
    await expect(page.getByRole("alert").filter({ hasText: /too many/i })).toHaveText(
      /^too many attempts\. please wait 1[45] minutes and try again\.$/i,
    );
    expect(new URL(page.url()).pathname).toBe("/register");
  });
});

test.describe("sign-in throttling", () => {
  test("Auth.js's endpoint answers 429 with Retry-After once an account has failed 5 times", async ({
    request,
  }) => {
    const { email, password } = makeUser();
    await failFiveTimes(request, email);
    const limited = await postCredentials(request, email, password);
    expect(limited.status()).toBe(429);
    const retryAfter = Number(limited.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect(await limited.json()).toMatchObject({ error: "throttled", retryAfter });
    // No session cookie was set.
    expect(limited.headers()["set-cookie"] ?? "").not.toMatch(/session-token=[^;]/);
  });

  test("the login form says how long to wait, in the same words for a real account and an unknown email", async ({
    page,
    request,
    registerPage,
    loginPage,
    user,
  }) => {
    test.slow(); // ten bcrypt comparisons and a registration
    await registerPage.goto();
    await registerPage.fill(user);
    await registerPage.submit();
    await page.waitForURL((url) => url.pathname !== "/register");

    const unknown = makeUser();
    const answers: string[] = [];
    for (const email of [user.email, unknown.email]) {
      await failFiveTimes(request, email);
      await page.context().clearCookies();
      await loginPage.goto();
      await loginPage.signIn(email, email === user.email ? user.password : unknown.password);
      const alert = page.getByRole("alert").filter({ hasText: /too many/i });
      await expect(alert).toHaveText(throttledMessage);
      answers.push((await alert.textContent()) ?? "");
      expect(new URL(page.url()).pathname).toBe("/login");
    }
    // Neither reveals more than the other (nor whether the password was right).
    expect(answers[0]?.replace(/\d+/, "N")).toBe(answers[1]?.replace(/\d+/, "N"));
  });
});
