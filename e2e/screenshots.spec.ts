import type { Page } from "@playwright/test";
import { expect, signUp, test } from "./fixtures";
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

// Every page at a phone's and a laptop's width in both languages, written to the test output
// (test-results/, never the repository) to be looked at. On the way, each page has exactly one
// level-1 heading and a title of its own.
const WIDTHS = [390, 1280];

async function tour(page: Page, stops: Stop[]) {
  for (const language of TOUR_LANGUAGES) {
    await useLanguage(page.context(), language);
    const titles = new Map<string, string>();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const stop of stops) {
        await test.step(`${stop.name} at ${width} px (${language})`, async () => {
          await stop.open(page);
          await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
          const title = await page.title();
          expect(title, `title of ${stop.name}`).not.toBe("");
          for (const [other, otherTitle] of titles) {
            if (other !== stop.page)
              expect(title, `${stop.page} and ${other} share a title`).not.toBe(otherTitle);
          }
          titles.set(stop.page, title);
          const file = `${language}-${width}-${stop.name.replace(/[^a-z0-9]+/gi, "-")}.png`;
          await page.screenshot({ path: test.info().outputPath(file), fullPage: true });
        });
      }
    }
  }
}

test.describe("screenshots, headings and titles", () => {
  test.describe.configure({ timeout: 300_000 });

  test("signed-out pages", async ({ page }) => {
    await tour(page, SIGNED_OUT_STOPS);
  });

  test("signed-in pages", async ({ page, user }) => {
    await signUp(page, user);
    await tour(page, [...SIGNED_IN_STOPS, TWO_FACTOR_SETUP_STOP]);
  });

  test("the admin console", async ({ page }) => {
    test.skip(!adminCredentials, "needs E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD");
    await signInAs(page, adminCredentials!.email, adminCredentials!.password);
    await tour(page, adminStops(await someUserId(page)));
  });
});
