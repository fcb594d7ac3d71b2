import type { APIRequestContext, BrowserContext } from "@playwright/test";
import { expect, makeUser, RegisterPage, test, testMailbox, type TestUser } from "./fixtures";

const sessionCookie = async (context: BrowserContext) =>
  (await context.cookies()).find((cookie) => /authjs\.session-token$/.test(cookie.name));

async function register(registerPage: RegisterPage, user: TestUser) {
  await registerPage.goto();
  await registerPage.fill(user);
  await registerPage.submit();
  await registerPage.finishSignedIn(user);
}

/** Signs in through Auth.js's own endpoint, as a script or attacker would. */
async function postCredentials(request: APIRequestContext, form: Record<string, string>) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken, ...form },
    maxRedirects: 0,
  });
}

test.describe("core journeys", () => {
  test("register, sign out, come back through a protected page to where you were", async ({
    page,
    registerPage,
    loginPage,
    signOut,
    user,
  }) => {
    await register(registerPage, user);
    await expect(page.getByRole("heading", { level: 1, name: /dashboard/i })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(user.name);
    await expect(page.getByRole("main")).toContainText(user.email);
    await expect(page.getByRole("main")).toContainText(/member since/i);

    await signOut();
    await expect(page.getByRole("status")).toContainText(/signed out/i);

    await page.goto("/dashboard?from=e2e");
    await page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/dashboard?from=e2e");
    await expect(page.getByRole("status")).toContainText(/sign in to continue/i);

    await loginPage.signIn(user.email.toUpperCase(), user.password);
    await page.waitForURL((url) => url.pathname === "/dashboard" && url.search === "?from=e2e");
    await expect(page.getByRole("heading", { level: 1, name: /dashboard/i })).toBeVisible();
  });

  test("a wrong password and an unknown email get the same answer", async ({
    page,
    registerPage,
    loginPage,
    signOut,
    user,
  }) => {
    await register(registerPage, user);
    await signOut();

    await loginPage.goto();
    await loginPage.signIn(user.email, `${user.password}x`);
    const wrongPassword = await page.getByRole("alert").filter({ hasText: /./ }).textContent();
    const wrongPasswordUrl = page.url();

    await loginPage.goto();
    await loginPage.signIn(makeUser().email, user.password);
    await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText(wrongPassword!);
    expect(page.url()).toBe(wrongPasswordUrl);
    expect(wrongPassword).toMatch(/incorrect email or password/i);
    // The email stays; the password field never gets a value back from the server.
    await expect(loginPage.email).not.toHaveValue("");
  });

  test("an email that is already registered, in any case, answers like a new one and tells its owner", async ({
    browser,
    registerPage,
    user,
  }) => {
    const mailbox = await testMailbox();
    await register(registerPage, user);
    const page = await (await browser.newContext()).newPage();
    const again = new RegisterPage(page);
    await again.goto();
    await again.fill({ ...user, name: "Someone Else", email: user.email.toUpperCase() });
    await again.submit();
    await page.waitForURL("**/check-email");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/check your inbox/i);
    const notice = await mailbox.waitFor(user.email, /tried to create an account/i);
    expect(notice.text).toMatch(/sign in/i);
  });

  test("invalid input is reported field by field, focus on the first", async ({ page, registerPage }) => {
    await registerPage.goto();
    await registerPage.submit();
    await expect(registerPage.name).toBeFocused();
    for (const field of [registerPage.name, registerPage.email, registerPage.password]) {
      await expect(field).toHaveAttribute("aria-invalid", "true");
    }
    await registerPage.fill(makeUser(), { confirmPassword: "something else entirely" });
    await registerPage.submit();
    await expect(registerPage.confirmPassword).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText(/passwords do not match/i)).toBeVisible();
  });

  test("signed-in visitors are sent from /login and /register to /dashboard", async ({
    page,
    registerPage,
    user,
  }) => {
    await register(registerPage, user);
    await page.goto("/login");
    await page.waitForURL((url) => url.pathname === "/dashboard");
    await page.goto("/register");
    await page.waitForURL((url) => url.pathname === "/dashboard");
  });

  test("a hostile callbackUrl falls back to /dashboard", async ({
    page,
    registerPage,
    loginPage,
    signOut,
    user,
  }) => {
    await register(registerPage, user);
    const appOrigin = new URL(page.url()).origin;
    await signOut();
    const hostiles = ["https://evil.example/", "//evil.example/", "/\\evil.example", "/.//evil.example/"];
    for (const hostile of hostiles) {
      await loginPage.goto(hostile);
      await loginPage.signIn(user.email, user.password);
      await page.waitForURL((url) => url.pathname === "/dashboard");
      expect(new URL(page.url()).origin).toBe(appOrigin);
      await signOut();
    }
  });
});

test.describe("sessions", () => {
  test("Remember me decides between a browser-session cookie and a 30-day one", async ({
    page,
    context,
    registerPage,
    loginPage,
    signOut,
    user,
  }) => {
    await register(registerPage, user);
    const afterRegistration = await sessionCookie(context);
    expect(afterRegistration).toMatchObject({ httpOnly: true, sameSite: "Lax", expires: -1 });
    await signOut();

    await loginPage.goto();
    await loginPage.signIn(user.email, user.password, { remember: false });
    await page.waitForURL((url) => url.pathname === "/dashboard");
    expect(await sessionCookie(context)).toMatchObject({ httpOnly: true, sameSite: "Lax", expires: -1 });
    // Visiting pages (middleware, auth()) must not turn it into a persistent cookie.
    await page.goto("/dashboard");
    await page.goto("/api/me");
    expect((await sessionCookie(context))?.expires).toBe(-1);
    await page.goto("/dashboard");
    await signOut();

    await loginPage.goto();
    await loginPage.signIn(user.email, user.password, { remember: true });
    await page.waitForURL((url) => url.pathname === "/dashboard");
    const remembered = await sessionCookie(context);
    expect(remembered).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    const days = (remembered!.expires * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30.01);
  });

  test("a sign-in marks the browser with a device cookie, and /api/auth/session tells the real expiry", async ({
    page,
    context,
    registerPage,
    loginPage,
    signOut,
    user,
    request,
  }) => {
    await register(registerPage, user);
    await signOut();
    await loginPage.goto();
    await loginPage.signIn(user.email, user.password, { remember: false });
    await page.waitForURL((url) => url.pathname === "/dashboard");
    const device = (await context.cookies()).find((cookie) => /latchkey-device$/.test(cookie.name));
    expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(device!.value).not.toContain(user.email.split("@")[0]!);
    // A 12-hour session that ends after 2 idle hours, not the JWT's 30 days.
    const { expires } = await (await page.request.get("/api/auth/session")).json();
    const hours = (Date.parse(expires) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(1.9);
    expect(hours).toBeLessThanOrEqual(2);

    // Auth.js's own endpoint marks the client too.
    const response = await postCredentials(request, { email: user.email, password: user.password });
    expect(response.headers()["set-cookie"]).toMatch(/latchkey-device=[\w.~-]+;.*HttpOnly/i);
  });

  test("a cookie copied before sign-out no longer works after it", async ({
    browser,
    page,
    context,
    registerPage,
    signOut,
    user,
  }) => {
    await register(registerPage, user);
    const stolen = await context.cookies();
    await signOut();

    const thief = await browser.newContext();
    await thief.addCookies(stolen);
    const thiefPage = await thief.newPage();
    await thiefPage.goto("/dashboard");
    await thiefPage.waitForURL((url) => url.pathname === "/login");
    expect((await thief.request.get("/api/me")).status()).toBe(401);
    await page.goto("/dashboard");
    await page.waitForURL((url) => url.pathname === "/login");
  });

  test("a tampered cookie means signed out, never an error", async ({
    browser,
    context,
    registerPage,
    user,
  }) => {
    await register(registerPage, user);
    const cookie = (await sessionCookie(context))!;
    const other = await browser.newContext();
    await other.addCookies([{ ...cookie, value: cookie.value.slice(0, -4) + "AAAA" }]);
    const response = await other.request.get("/api/me");
    expect(response.status()).toBe(401);
    const page = await other.newPage();
    const dashboard = await page.goto("/dashboard");
    expect(dashboard?.status()).toBeLessThan(500);
    await page.waitForURL((url) => url.pathname === "/login");
  });

  test("each sign-in gets a new session token", async ({
    page,
    context,
    registerPage,
    loginPage,
    signOut,
    user,
  }) => {
    await register(registerPage, user);
    const first = (await sessionCookie(context))!.value;
    await signOut();
    await loginPage.goto();
    await loginPage.signIn(user.email, user.password);
    await page.waitForURL((url) => url.pathname === "/dashboard");
    expect((await sessionCookie(context))!.value).not.toBe(first);
  });
});

test.describe("protected routes", () => {
  test("any letter case or trailing slash of a protected page redirects with callbackUrl", async ({
    page,
  }) => {
    const cases: [string, string][] = [
      ["/dashboard", "/dashboard"],
      ["/dashboard/", "/dashboard"], // Next.js drops the slash first
      ["/DASHBOARD", "/DASHBOARD"],
      ["/Settings", "/Settings"],
      ["/settings/sessions?x=1", "/settings/sessions?x=1"],
    ];
    for (const [path, callbackUrl] of cases) {
      const response = await page.request.get(path);
      const landed = new URL(response.url());
      expect(landed.pathname, path).toBe("/login");
      expect(landed.searchParams.get("callbackUrl"), path).toBe(callbackUrl);
    }
  });

  test("/api/me answers 401 JSON signed out and the user signed in", async ({ page, registerPage, user }) => {
    const signedOut = await page.request.get("/api/me", { maxRedirects: 0 });
    expect(signedOut.status()).toBe(401);
    expect(await signedOut.json()).toEqual({ error: "unauthenticated" });

    await register(registerPage, user);
    const me = await page.request.get("/api/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toEqual({
      id: expect.any(String),
      name: user.name,
      email: user.email,
      emailVerified: expect.any(String), // confirmed from the emailed link during registration
    });
  });

  test("skipping middleware (x-middleware-subrequest) does not open a protected page", async ({ page }) => {
    const headers = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
    const response = await page.request.get("/dashboard", { headers, maxRedirects: 0 });
    expect(response.status()).toBeGreaterThanOrEqual(300);
    expect(response.status()).toBeLessThan(400);
    expect(new URL(response.headers().location!, "http://x").pathname).toBe("/login");
    const api = await page.request.get("/api/me", { headers });
    expect(api.status()).toBe(401);
  });
});

test.describe("Auth.js's own endpoint", () => {
  test("signs in with the right password and refuses a wrong one", async ({
    playwright,
    registerPage,
    signOut,
    user,
    baseURL,
  }) => {
    await register(registerPage, user);
    await signOut();

    const api = await playwright.request.newContext({ baseURL });
    const wrong = await postCredentials(api, { email: user.email, password: "wrong password here" });
    expect(wrong.status()).toBe(302);
    expect(new URL(wrong.headers().location!).pathname).toBe("/login");
    expect((await api.get("/api/me")).status()).toBe(401);

    const right = await postCredentials(api, {
      email: user.email,
      password: user.password,
      callbackUrl: "//evil.example",
    });
    expect(right.status()).toBe(302);
    expect(new URL(right.headers().location!).host).toBe(new URL(baseURL!).host);
    const setCookie = right
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "set-cookie")
      .map((h) => h.value);
    const session = setCookie.find((value) => /authjs\.session-token=/.test(value));
    expect(session).toBeDefined();
    expect(session).not.toMatch(/expires|max-age/i);
    expect((await api.get("/api/me")).status()).toBe(200);
    await api.dispose();
  });

  test("refuses a 1 MB password without trouble", async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL });
    const response = await postCredentials(api, {
      email: "nobody@example.test",
      password: "x".repeat(1 << 20),
    });
    expect(response.status()).toBeLessThan(500);
    expect((await api.get("/api/me")).status()).toBe(401);
    await api.dispose();
  });
});
