import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { enableAuthenticatorApp, expect, signUp, test } from "./fixtures";
import { tour, tourTests, TOUR_LANGUAGES, useLanguage, type Stop, type View } from "./page-tour";

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

const SCHEME_VIEWS = SCHEMES.map((colorScheme) => ({
  name: `in the ${colorScheme} scheme`,
  colorScheme,
  apply: (page: Page) => page.emulateMedia({ colorScheme }),
})) satisfies View[];

/** Opens each stop in each language and scheme, and runs axe on it. */
async function checkStops(page: Page, stops: Stop[]) {
  await tour(page, stops, SCHEME_VIEWS, async (_stop, { language, view, label }) => {
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    await expectNoViolations(page, label, { coloursOnly: view.colorScheme === "dark" });
  });
}

test.describe("accessibility (axe, WCAG 2.2 AA)", () => {
  test.describe.configure({ timeout: 300_000 });

  tourTests(checkStops, {
    signedOut: "every signed-out page and its error states",
    signedIn: "the signed-in pages: dashboard, settings with a field error and the two-factor set-up",
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
});
