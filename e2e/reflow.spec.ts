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

// WCAG 1.4.10 Reflow: at 320 CSS px wide (1280 px at 400% zoom, so 200% zoom too) nothing
// scrolls sideways but a table inside its own box. WCAG 2.5.8: every control is at least
// 24 × 24 px, except a link inside a sentence.
const WIDTHS = [320];

/** Controls smaller than 24 × 24 px, described for the failure message. */
function smallTargets(page: Page) {
  return page.evaluate(() => {
    const inSentence = (element: Element) => {
      const style = getComputedStyle(element);
      const parentText = (element.parentElement?.textContent ?? "").trim();
      return style.display === "inline" && parentText.length > (element.textContent ?? "").trim().length;
    };
    const controls = document.querySelectorAll<HTMLElement>(
      "a[href], button, input:not([type='hidden']), select, textarea, summary",
    );
    return (
      Array.from(controls)
        .filter((element) => element.checkVisibility())
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        // Visually hidden (the skip link until focused): not a target anyone can point at.
        .filter(({ box }) => box.width > 1 && box.height > 1)
        .filter(({ element }) => !(element.tagName === "A" && inSentence(element)))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(
          ({ element, box }) =>
            `${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute("name") || "").trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        )
    );
  });
}

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function checkStops(page: Page, stops: Stop[]) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 720 });
    for (const language of TOUR_LANGUAGES) {
      await useLanguage(page.context(), language);
      for (const stop of stops) {
        await test.step(`${stop.name} at ${width} px (${language})`, async () => {
          await stop.open(page);
          expect(await sidewaysScroll(page), `sideways scroll on ${stop.name}`).toBeLessThanOrEqual(0);
          expect(await smallTargets(page), `targets under 24 px on ${stop.name}`).toEqual([]);
        });
      }
    }
  }
}

test.describe("reflow and target size", () => {
  test.describe.configure({ timeout: 300_000 });

  test("signed-out pages", async ({ page }) => {
    await checkStops(page, SIGNED_OUT_STOPS);
  });

  test("signed-in pages", async ({ page, user }) => {
    await signUp(page, user);
    await checkStops(page, [...SIGNED_IN_STOPS, TWO_FACTOR_SETUP_STOP]);
  });

  test("the admin console", async ({ page }) => {
    test.skip(!adminCredentials, "needs E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD");
    await signInAs(page, adminCredentials!.email, adminCredentials!.password);
    await checkStops(page, adminStops(await someUserId(page)));
  });
});
