import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { enableAuthenticatorApp, expect, signUp, test } from "./fixtures";
import {
  adminCredentials,
  adminStops,
  signInAs,
  SIGNED_IN_STOPS,
  SIGNED_OUT_STOPS,
  someUserId,
  TOUR_LANGUAGES,
  TWO_FACTOR_SETUP_STOP,
  useLanguage,
  type Stop,
} from "./page-tour";

// WCAG 2.2 AA as axe-core checks it, on every page and state, in both languages and both
// colour schemes, with the production server's CSP on.
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const SCHEMES = ["light", "dark"] as const;

// The colour scheme changes colours only: in the dark one, axe's colour rules are the ones to run.
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

async function expectNoViolations(page: Page, label: string, { coloursOnly = false } = {}) {
  const axe = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  const { violations, passes } = await (coloursOnly ? axe.withRules(COLOUR_RULES) : axe).analyze();
  // axe ran its rules here (an empty result from a page it could not inspect is no pass).
  expect(passes.length, `axe rules run on ${label}`).toBeGreaterThan(coloursOnly ? 0 : 10);
  const found = violations.map(({ id, help, nodes }) => ({
    id,
    help,
    targets: nodes.map((node) => node.target.join(" ")),
  }));
  expect(found, `axe on ${label}`).toEqual([]);
}

/** Opens each stop in each language and scheme, and runs axe on it. */
async function checkStops(page: Page, stops: Stop[]) {
  for (const language of TOUR_LANGUAGES) {
    await useLanguage(page.context(), language);
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      for (const stop of stops) {
        const label = `${stop.name} (${language}, ${colorScheme})`;
        await test.step(label, async () => {
          await stop.open(page);
          await expect(page.locator("html")).toHaveAttribute("lang", language);
          await expectNoViolations(page, label, { coloursOnly: colorScheme === "dark" });
        });
      }
    }
  }
}

test.describe("accessibility (axe, WCAG 2.2 AA)", () => {
  test.describe.configure({ timeout: 300_000 });

  test("every signed-out page and its error states", async ({ page }) => {
    await checkStops(page, SIGNED_OUT_STOPS);
  });

  test("the signed-in pages: dashboard, settings with a field error and the two-factor set-up", async ({
    page,
    user,
  }) => {
    await signUp(page, user);
    await checkStops(page, [...SIGNED_IN_STOPS, TWO_FACTOR_SETUP_STOP]);
  });

  test("the two-factor step, and its wrong-code error", async ({ page, user }) => {
    await signUp(page, user);
    await enableAuthenticatorApp(page, user);
    await page
      .getByRole("banner")
      .getByRole("button", { name: /^sign out$/i })
      .click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.locator('input[name="email"]').fill(user.email);
    await page.locator('input[name="password"]').fill(user.password);
    await page.locator('input[name="password"]').press("Enter");
    await page.waitForURL((url) => url.pathname === "/login/two-factor");
    const step: Stop = {
      name: "two-factor step",
      page: "/login/two-factor",
      open: async (p) => {
        await p.goto("/login/two-factor");
        await expect(p.getByRole("heading", { level: 1 })).toBeVisible();
      },
    };
    await checkStops(page, [step]);
    for (const language of TOUR_LANGUAGES) {
      await test.step(`two-factor step, wrong code (${language})`, async () => {
        await useLanguage(page.context(), language);
        await step.open(page);
        await page.locator('main input[autocomplete="one-time-code"]').fill("000000");
        await page.locator('main input[autocomplete="one-time-code"]').press("Enter");
        await expect(
          page.locator('main [role="alert"]:not(:empty), main [aria-invalid="true"]').first(),
        ).toBeVisible();
        await expectNoViolations(page, `two-factor step, wrong code (${language})`);
      });
    }
  });

  test("the admin console", async ({ page }) => {
    test.skip(!adminCredentials, "needs E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD");
    await signInAs(page, adminCredentials!.email, adminCredentials!.password);
    await checkStops(page, adminStops(await someUserId(page)));
  });
});
