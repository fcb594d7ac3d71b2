import { request as apiRequest } from "@playwright/test";
import { expect, signUp, test } from "./fixtures";

test.describe("personal access tokens", () => {
  test.describe.configure({ timeout: 120_000 });

  test("create one in settings, call /api/me with it and no cookie, revoke it", async ({
    page,
    user,
    baseURL,
  }) => {
    await signUp(page, user);
    await page.goto("/settings");
    const section = page.getByRole("region", { name: /^personal access tokens$/i });
    await section.getByLabel(/^token name$/i).fill("nightly export");
    await section.getByRole("button", { name: /^create token$/i }).click();
    const shown = section.getByLabel(/^new token$/i);
    await expect(shown).toContainText(/lk_/);
    const token = ((await shown.textContent()) ?? "").trim();
    await expect(section.getByRole("row", { name: /nightly export/i })).toBeVisible();

    // A script: no browser, no cookie, only the header.
    const script = await apiRequest.newContext({ baseURL });
    const ok = await script.get("/api/me", { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status()).toBe(200);
    expect(await ok.json()).toMatchObject({ email: user.email, name: user.name });
    const wrong = await script.get("/api/me", { headers: { Authorization: "Bearer lk_not-a-real-token" } });
    expect(wrong.status()).toBe(401);
    expect(wrong.headers()["www-authenticate"]).toMatch(/^Bearer /);

    // Shown once: a reload has the row, never the token.
    await page.reload();
    await expect(section.getByLabel(/^new token$/i)).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(token);
    await section
      .getByRole("row", { name: /nightly export/i })
      .getByRole("button", { name: /^revoke/i })
      .click();
    await expect(page.getByRole("status").filter({ hasText: /token has been revoked/i })).toBeVisible();
    expect((await script.get("/api/me", { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(
      401,
    );
    await script.dispose();
  });
});
