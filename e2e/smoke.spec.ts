import { expect, test } from "./fixtures";

test("the landing page offers sign-in and registration, without console errors", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));

  await page.goto("/");

  await expect(page).toHaveTitle(/latchkey/i);
  await expect(page.getByRole("link", { name: /sign in/i })).toBeVisible();
  await expect(page.getByRole("link", { name: /create account/i })).toBeVisible();
  expect(errors).toEqual([]);
});

test("GET /api/health answers 200 ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

test("an unknown route answers 404", async ({ request }) => {
  const response = await request.get("/no-such-page-e2e");
  expect(response.status()).toBe(404);
});

test("the browser gets the build's scripts brotli-compressed", async ({ page }) => {
  test.skip(!!process.env.BASE_URL, "a deployment's compression is its host's (CDN or proxy)");
  const scripts: { url: string; encoding?: string }[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") {
      scripts.push({ url: response.url(), encoding: response.headers()["content-encoding"] });
    }
  });
  await page.goto("/login");
  await expect(page.getByRole("button", { name: /^sign in$/i })).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((script) => script.encoding !== "br")).toEqual([]);
});
