import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { atWidth, tour, tourTests, type Stop } from "./page-tour";

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

async function visit(page: Page, stops: Stop[]) {
  const views = WIDTHS.map((width) => atWidth(width, 720));
  await tour(page, stops, views, async (stop) => {
    expect(await sidewaysScroll(page), `sideways scroll on ${stop.name}`).toBeLessThanOrEqual(0);
    expect(await smallTargets(page), `targets under 24 px on ${stop.name}`).toEqual([]);
  });
}

test.describe("reflow and target size", () => {
  test.describe.configure({ timeout: 300_000 });
  tourTests(visit);
});
