import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { atWidth, tour, tourTests, type Stop, type TourLanguage } from "./page-tour";

// Every page at a phone's and a laptop's width in both languages, written to the test output
// (test-results/, never the repository) to be looked at. On the way, each page has exactly one
// level-1 heading and a title of its own.
const WIDTHS = [390, 1280];

async function visit(page: Page, stops: Stop[]) {
  // By language: the titles seen so far, by page.
  const titles = new Map<TourLanguage, Map<string, string>>();
  const views = WIDTHS.map((width) => atWidth(width, 900));
  await tour(page, stops, views, async (stop, { language }) => {
    const seen = titles.get(language) ?? new Map<string, string>();
    titles.set(language, seen);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    const title = await page.title();
    expect(title, `title of ${stop.name}`).not.toBe("");
    for (const [other, otherTitle] of seen) {
      if (other !== stop.page) expect(title, `${stop.page} and ${other} share a title`).not.toBe(otherTitle);
    }
    seen.set(stop.page, title);
    const width = page.viewportSize()?.width;
    const file = `${language}-${width}-${stop.name.replace(/[^a-z0-9]+/gi, "-")}.png`;
    await page.screenshot({ path: test.info().outputPath(file), fullPage: true });
  });
}

test.describe("screenshots, headings and titles", () => {
  test.describe.configure({ timeout: 300_000 });
  tourTests(visit);
});
