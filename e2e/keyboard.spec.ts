import type { Locator, Page } from "@playwright/test";
import { expect, makeUser, signUp, test, testMailbox } from "./fixtures";

// Keyboard alone: Tab, Shift+Tab, Enter and Space (and typing into fields). No click anywhere;
// the only navigation not done by a key is opening the emailed link, as a mail client would.

/** What has focus, and whether a focus indicator is drawn around it. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { element: "body", visible: false };
    const style = getComputedStyle(element);
    const label = `${element.tagName.toLowerCase()} ${element.getAttribute("name") ?? ""} ${(element.textContent ?? "").trim().slice(0, 40)}`;
    return {
      element: label,
      visible: style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2,
    };
  });
}

const hasFocus = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking at every stop on the way that
 * the focused element shows a focus indicator.
 */
async function tabTo(page: Page, target: Locator, { backwards = false } = {}) {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    const now = await focused(page);
    // Past the last element focus leaves the page for the browser's own controls, then wraps.
    if (now.element === "body") continue;
    expect(now.visible, `focus indicator on ${now.element}`).toBe(true);
    if (await hasFocus(target)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}

const activeRole = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("role") ?? null);

test.describe("keyboard only", () => {
  test.describe.configure({ timeout: 180_000 });

  test("register, confirm the email, sign in, change the name in settings, sign out", async ({
    page,
    user,
  }) => {
    const mailbox = await testMailbox();

    await test.step("register", async () => {
      await page.goto("/register");
      await typeInto(page, page.getByLabel(/^name$/i), user.name);
      await typeInto(page, page.getByLabel(/^email$/i), user.email);
      await typeInto(page, page.getByLabel(/^password$/i), user.password);
      await typeInto(page, page.getByLabel(/^confirm password$/i), user.password);
      await tabTo(page, page.getByRole("button", { name: /^create account$/i }));
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === "/check-email");
    });

    await test.step("confirm the address from the emailed link, with Space", async () => {
      const mail = await mailbox.waitFor(user.email, /confirm your email/i);
      await page.goto(mailbox.link(mail, "/verify-email"));
      await tabTo(page, page.getByRole("button", { name: /^confirm email address$/i }));
      await page.keyboard.press("Space");
      await page.waitForURL((url) => url.pathname === "/login");
      // Focus lands on the notice that says what happened, not on <body>.
      const notice = page.getByRole("main").getByRole("status").filter({ hasText: /./ });
      await expect.poll(() => hasFocus(notice.first())).toBe(true);
      expect((await focused(page)).visible).toBe(true);
    });

    await test.step("sign in: a wrong password first, then the right one", async () => {
      await typeInto(page, page.getByLabel(/^email$/i), user.email);
      await typeInto(page, page.getByLabel(/^password$/i), `${user.password}-wrong`);
      await page.keyboard.press("Enter");
      // The refusal has no field of its own: focus goes to the form's alert.
      await expect.poll(() => activeRole(page)).toBe("alert");
      await expect(page.getByRole("main").getByRole("alert").filter({ hasText: /./ })).toBeVisible();
      await typeInto(page, page.getByLabel(/^password$/i), user.password);
      // Shift+Tab goes back to the email, Tab forward again to the password.
      await tabTo(page, page.getByLabel(/^email$/i), { backwards: true });
      await tabTo(page, page.getByLabel(/^password$/i));
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === "/dashboard");
    });

    await test.step("open settings from the header and change the name", async () => {
      await tabTo(page, page.getByRole("banner").getByRole("link", { name: /^settings$/i }));
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === "/settings");
      const profile = page.getByRole("region", { name: /^profile$/i });
      await typeInto(page, profile.getByLabel(/^name$/i), "Keyboard Person");
      await tabTo(page, profile.getByRole("button", { name: /^save profile$/i }));
      await page.keyboard.press("Space");
      await expect(profile.getByRole("status")).not.toBeEmpty();
      await expect(page.getByRole("banner")).toContainText("Keyboard Person");
      // Focus stayed in the form rather than dropping to <body>.
      expect((await focused(page)).element).not.toBe("body");
    });

    await test.step("sign out from the header, going back with Shift+Tab", async () => {
      await tabTo(page, page.getByRole("banner").getByRole("button", { name: /^sign out$/i }), {
        backwards: true,
      });
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === "/login");
      await expect(page.getByRole("banner").getByRole("button", { name: /^sign out$/i })).toBeHidden();
    });
  });

  test("after a failed submit focus goes to the first invalid field, from the browser's check or the server's", async ({
    page,
    user,
  }) => {
    await test.step("an empty registration: the first field", async () => {
      await page.goto("/register");
      await tabTo(page, page.getByRole("button", { name: /^create account$/i }));
      await page.keyboard.press("Enter");
      await expect.poll(() => hasFocus(page.getByLabel(/^name$/i))).toBe(true);
      await expect(page.getByLabel(/^name$/i)).toHaveAttribute("aria-invalid", "true");
    });

    await test.step("a wrong current password in settings: the server's field error", async () => {
      await signUp(page, user);
      await page.goto("/settings");
      const section = page.getByRole("region", { name: /^password$/i });
      const fresh = makeUser().password;
      await typeInto(page, section.getByLabel(/^current password$/i), `${user.password}-wrong`);
      await typeInto(page, section.getByLabel(/^new password$/i), fresh);
      await typeInto(page, section.getByLabel(/^confirm password$/i), fresh);
      await tabTo(page, section.getByRole("button", { name: /^change password$/i }));
      await page.keyboard.press("Enter");
      const current = section.getByLabel(/^current password$/i);
      await expect(current).toHaveAttribute("aria-invalid", "true");
      await expect.poll(() => hasFocus(current)).toBe(true);
    });
  });

  test("no dialogs: the delete confirmation is inline, focus moves into it and Cancel returns it", async ({
    page,
    user,
  }) => {
    expect(await page.locator("dialog, [role='dialog'], [role='alertdialog']").count()).toBe(0);
    await signUp(page, user);
    await page.goto("/settings");
    expect(await page.locator("dialog, [role='dialog'], [role='alertdialog']").count()).toBe(0);
    const section = page.getByRole("region", { name: /^delete account$/i });
    await typeInto(page, section.getByLabel(/^current password$/i), user.password);
    const first = section.getByRole("button", { name: /^delete account$/i });
    await tabTo(page, first);
    await page.keyboard.press("Enter");
    await expect(section.getByText(/cannot be undone/i)).toBeVisible();
    await expect.poll(() => hasFocus(section.getByRole("button", { name: /^delete account$/i }))).toBe(true);
    await tabTo(page, section.getByRole("button", { name: /^cancel$/i }));
    await page.keyboard.press("Enter");
    await expect(section.getByText(/cannot be undone/i)).toBeHidden();
    await expect.poll(() => hasFocus(section.getByRole("button", { name: /^delete account$/i }))).toBe(true);
  });
});
