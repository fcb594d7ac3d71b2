import { randomBytes } from "node:crypto";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, LoginPage, signUp, test } from "./fixtures";

// Every page and state a person can reach, for the checks that look at each of them
// (accessibility, reflow, screenshots), and the tour that takes each check to all of them.
// Forms are driven by their fields' names and their submit buttons, not their words, so the
// same stops work in every language.

export const TOUR_LANGUAGES = ["en", "ar"] as const;
export type TourLanguage = (typeof TOUR_LANGUAGES)[number];

/** One place to look at: `page` names the page (two states of one page share its title). */
export type Stop = { name: string; page: string; open: (page: Page) => Promise<void> };

/** The Language select's choice, as its cookie; the next page load is in `language`. */
export async function useLanguage(context: BrowserContext, language: TourLanguage) {
  const url = test.info().project.use.baseURL;
  if (!url) throw new Error("no baseURL");
  await context.addCookies([{ name: "latchkey-locale", value: language, url }]);
}

async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("dir", /^(ltr|rtl)$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

const submitOf = (page: Page, field: string) =>
  page.locator(`main form:has([name="${field}"]) button[type="submit"]`).first();

async function submitEmpty(page: Page, path: string, field: string) {
  await open(page, path);
  await submitOf(page, field).press("Enter");
  await expect(page.locator('main [aria-invalid="true"]').first()).toBeVisible();
}

const stop = (name: string, path: string, more?: (page: Page) => Promise<void>): Stop => ({
  name,
  page: path.split("?")[0] ?? path,
  open: async (page) => {
    await open(page, path);
    await more?.(page);
  },
});

export const SIGNED_OUT_STOPS: Stop[] = [
  stop("home", "/"),
  stop("register", "/register"),
  { name: "register, empty", page: "/register", open: (page) => submitEmpty(page, "/register", "name") },
  stop("login", "/login"),
  { name: "login, empty", page: "/login", open: (page) => submitEmpty(page, "/login", "email") },
  {
    name: "login, wrong password",
    page: "/login",
    open: async (page) => {
      await open(page, "/login");
      // A new address each time: the same one would soon meet the per-account throttle instead.
      await page.locator('input[name="email"]').fill(`nobody-${randomBytes(4).toString("hex")}@example.test`);
      await page.locator('input[name="password"]').fill("not the password at all");
      await submitOf(page, "email").click();
      await expect(page.locator('main [role="alert"]').first()).not.toBeEmpty();
    },
  },
  stop("login, after a redirect", "/login?callbackUrl=%2Fsettings"),
  stop("forgot password", "/forgot-password"),
  {
    name: "forgot password, empty",
    page: "/forgot-password",
    open: (page) => submitEmpty(page, "/forgot-password", "email"),
  },
  stop("reset password, no token", "/reset-password"),
  stop("verify email, no token", "/verify-email"),
  stop("check email", "/check-email"),
  stop("check email, unconfirmed", "/check-email?reason=unverified"),
  stop("page not found", "/no-such-page-on-the-tour"),
  {
    name: "something went wrong",
    page: "/dev/error",
    open: async (page) => {
      await page.goto("/dev/error");
      await page.locator('main button[type="submit"]').click();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    },
  },
];

export const SIGNED_IN_STOPS: Stop[] = [
  stop("dashboard", "/dashboard"),
  stop("settings", "/settings"),
  {
    name: "settings, profile name empty",
    page: "/settings",
    open: async (page) => {
      await open(page, "/settings");
      const profile = page.locator("section[aria-labelledby='profile-heading']");
      await profile.locator('input[name="name"]').fill("");
      await profile.locator('button[type="submit"]').press("Enter");
      await expect(page.locator('main [aria-invalid="true"]').first()).toBeVisible();
    },
  },
];

/** /settings with the authenticator app's set-up showing (its QR code and setup key). */
export const TWO_FACTOR_SETUP_STOP: Stop = {
  name: "settings, two-factor set-up",
  page: "/settings",
  open: async (page) => {
    await open(page, "/settings");
    const section = page.locator("section[aria-labelledby='two-factor-heading']");
    if ((await page.locator("main img[src^='data:']").count()) === 0) {
      await section.locator('button[type="submit"]').first().click();
    }
    await expect(page.locator("main img[src^='data:']")).toBeVisible();
  },
};

/** Signs `email` in and ends on /dashboard. */
async function signInAs(page: Page, email: string, password: string) {
  const loginPage = new LoginPage(page);
  await loginPage.goto();
  await loginPage.signIn(email, password);
  await page.waitForURL((url) => url.pathname === "/dashboard");
}

const ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL;
const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD;
const adminCredentials =
  ADMIN_EMAIL && ADMIN_PASSWORD ? { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } : null;

/** The admin console's pages; `userId` is an account to open. */
function adminStops(userId: string): Stop[] {
  return [
    stop("admin overview", "/admin"),
    stop("admin users", "/admin/users"),
    stop("admin users, searched", "/admin/users?q=e2e"),
    stop("admin user", `/admin/users/${userId}`),
    stop("admin audit log", "/admin/audit"),
  ];
}

/** The id of the first account the users page lists. */
async function someUserId(page: Page): Promise<string> {
  await page.goto("/admin/users");
  const href = await page.locator('main a[href^="/admin/users/"]').first().getAttribute("href");
  const id = href?.split("/").pop();
  if (!id) throw new Error("no user on /admin/users");
  return id;
}

/** A way of looking at every stop (a viewport width, a colour scheme), set before opening them. */
export type View = { name: string; apply: (page: Page) => Promise<void> };

export const atWidth = (width: number, height: number): View => ({
  name: `at ${width} px`,
  apply: (page) => page.setViewportSize({ width, height }),
});

/**
 * Opens every stop in each language and each view, each in a step of its own, and runs
 * `check` on it there.
 */
export async function tour<V extends View>(
  page: Page,
  stops: Stop[],
  views: V[],
  check: (stop: Stop, where: { language: TourLanguage; view: V; label: string }) => Promise<void>,
) {
  for (const language of TOUR_LANGUAGES) {
    await useLanguage(page.context(), language);
    for (const view of views) {
      await view.apply(page);
      for (const stop of stops) {
        const label = `${stop.name} ${view.name} (${language})`;
        await test.step(label, async () => {
          await stop.open(page);
          await check(stop, { language, view, label });
        });
      }
    }
  }
}

/**
 * The tours as tests of the calling describe: the signed-out pages, the signed-in ones (a
 * new account's, with the two-factor set-up) and, with an administrator's credentials, the
 * admin console. `visit` takes one tour's stops.
 */
export function tourTests(
  visit: (page: Page, stops: Stop[]) => Promise<void>,
  titles: { signedOut?: string; signedIn?: string } = {},
) {
  test(titles.signedOut ?? "signed-out pages", async ({ page }) => {
    await visit(page, SIGNED_OUT_STOPS);
  });

  test(titles.signedIn ?? "signed-in pages", async ({ page, user }) => {
    await signUp(page, user);
    await visit(page, [...SIGNED_IN_STOPS, TWO_FACTOR_SETUP_STOP]);
  });

  test("the admin console", async ({ page }) => {
    test.skip(!adminCredentials, "needs E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD");
    await signInAs(page, adminCredentials!.email, adminCredentials!.password);
    await visit(page, adminStops(await someUserId(page)));
  });
}
