import type { APIResponse, Page } from "@playwright/test";
import { expect, test, testMailbox } from "./fixtures";
import { mailSetting } from "./mail-source";

// The Content-Security-Policy (middleware.ts, lib/content-security-policy.ts) and the static
// security headers (next.config.mjs). Run it against `next dev` and a production build too:
// their policies differ ('unsafe-eval' in development only, HSTS in production only).

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name as string, values]),
  );
}

function nonceOf(response: APIResponse | { headers(): Record<string, string> }): string {
  const policy = response.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(directives(policy).get("script-src")?.join(" ") ?? "")?.[1];
  expect(nonce, `a nonce in script-src of "${policy}"`).toBeTruthy();
  return nonce as string;
}

/** Every console error, uncaught exception and CSP violation on this page, as text. */
async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on("console", (message) => {
    // Said without the URL; the response listener below names it.
    if (message.text().startsWith("Failed to load resource")) return;
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });
  page.on("pageerror", (error) => problems.push(`exception: ${error.message}`));
  // Playwright's init scripts are exempt from the page's CSP, so this listener always runs.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  return problems;
}

test.describe("security headers", () => {
  test("pages send a strict CSP whose nonce changes on every request", async ({ request }) => {
    const first = await request.get("/login");
    const second = await request.get("/login");
    expect(first.ok()).toBe(true);
    expect(nonceOf(first)).not.toBe(nonceOf(second));

    const policy = directives(first.headers()["content-security-policy"] ?? "");
    const scriptSrc = policy.get("script-src") ?? [];
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);

    // Every script in the HTML carries this response's nonce.
    const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonceOf(first)}"`);
  });

  test("static headers on pages and assets; HSTS in production only", async ({ request }) => {
    const page = await request.get("/");
    const headers = page.headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toMatch(/camera=\(\)/);
    // 'unsafe-eval' is what tells a development server from a production one.
    const development = headers["content-security-policy"]?.includes("'unsafe-eval'");
    if (development) expect(headers["strict-transport-security"]).toBeUndefined();
    else expect(headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);

    const script = /<script\b[^>]*\bsrc="([^"]+)"/.exec(await page.text())?.[1];
    expect(script).toBeTruthy();
    const asset = await request.get(String(script));
    expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("an emailed link's token leaves the URL at once, with no referrer sent from it", async ({
    request,
  }) => {
    for (const path of ["/reset-password", "/verify-email"]) {
      const response = await request.get(`${path}?token=abc&from=mail`, { maxRedirects: 0 });
      expect(response.status(), path).toBe(303);
      const location = new URL(response.headers()["location"] ?? "", "http://base.invalid");
      expect(`${location.pathname}${location.search}`, path).toBe(`${path}?from=mail`);
      expect(response.headers()["referrer-policy"], path).toBe("no-referrer");
      const cookie = response.headers()["set-cookie"] ?? "";
      expect(cookie, path).toMatch(/^(__Secure-)?latchkey-link-token=abc;/);
      expect(cookie, path).toMatch(new RegExp(`Path=${path}`));
      expect(cookie, path).toMatch(/HttpOnly/i);
      expect(cookie, path).toMatch(/SameSite=lax/i);
    }
  });

  test("no CSP violations or console errors on /, /login, /register and /dashboard", async ({
    page,
    registerPage,
    user,
  }) => {
    test.slow(); // registration, a confirmation mail and a sign-in, all in a browser
    // Listening before registering, in case the app asks to confirm the address by mail.
    if (mailSetting().kind === "smtp") await testMailbox();
    const problems = await watchForProblems(page);
    for (const path of ["/", "/login"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // The server's scripts carry a nonce (the scripts they add later, which 'strict-dynamic'
      // trusts, need none); the first test checks it is the header's.
      const nonces = await page
        .locator("script")
        .evaluateAll((scripts) =>
          scripts.map((script) => (script as HTMLScriptElement).nonce).filter(Boolean),
        );
      expect(nonces.length).toBeGreaterThan(0);
    }

    // Hydrated pages: a client-side form submit and navigation work under the CSP.
    await registerPage.goto();
    await registerPage.fill(user);
    await registerPage.submit();
    await registerPage.finishSignedIn(user);
    await expect(page.getByRole("heading", { level: 1, name: /dashboard/i })).toBeVisible();
    await page.goto("/");
    await expect(page.getByRole("link", { name: /dashboard/i })).toBeVisible();

    expect(problems).toEqual([]);
  });
});
