import { randomBytes } from "node:crypto";
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { generate } from "otplib";
import { linksIn, type ReceivedMail } from "../tests/helpers/smtp-mailbox";
import { mailSetting, openMailSource, type MailSource } from "./mail-source";

// Page objects for the screens in ../shared/CONTRACT.md, located only by the accessible names
// it lists (case-insensitive; anchored where one name is part of another, like "Password"
// and "Confirm password"), so they hold for any markup that keeps the contract.

export type TestUser = { name: string; email: string; password: string };

/** A user no test has used: unique email, strong 20+ character password. Not registered yet. */
export function makeUser(overrides: Partial<TestUser> = {}): TestUser {
  const id = randomBytes(6).toString("hex");
  return {
    name: `E2E User ${id}`,
    email: `e2e+${id}@example.test`,
    password: `Latch-${randomBytes(12).toString("base64url")}-7q!`,
    ...overrides,
  };
}

/** The app's mail, from wherever e2e/mail-source.ts finds it (the local SMTP server or Mailpit). */
export class Mailbox {
  constructor(private readonly source: MailSource) {}

  /** Every message to an address so far, oldest first. */
  to(address: string): Promise<ReceivedMail[]> {
    return this.source.to(address);
  }

  /** Waits until `count` messages to `address` match `subject`, and returns the last of them. */
  async waitFor(address: string, subject: RegExp, { count = 1 } = {}): Promise<ReceivedMail> {
    let matching: ReceivedMail[] = [];
    await expect
      .poll(
        async () => {
          matching = (await this.to(address)).filter((mail) => subject.test(mail.subject));
          return matching.length;
        },
        { message: `mail "${subject}" to ${address}`, timeout: 20_000 },
      )
      .toBeGreaterThanOrEqual(count);
    return matching[count - 1] as ReceivedMail;
  }

  /** The link in a message's text whose path is `pathname`. */
  link(mail: ReceivedMail, pathname: string): string {
    const link = linksIn(mail.text).find((href) => new URL(href).pathname === pathname);
    if (!link) throw new Error(`no ${pathname} link in "${mail.subject}"`);
    return link;
  }
}

/** This worker's mailbox; skips the calling test, saying why, when there is none to read. */
export async function testMailbox(): Promise<Mailbox> {
  const setting = mailSetting();
  if (setting.kind === "none") {
    test.skip(true, setting.reason);
    throw new Error(setting.reason); // not reached: test.skip throws; this narrows `setting`
  }
  return new Mailbox(await openMailSource(setting));
}

/** Opens the latest verification link mailed to `email` and presses its confirm button. */
export async function confirmEmailFromMail(page: Page, mailbox: Mailbox, email: string, { count = 1 } = {}) {
  await test.step(
    `confirm ${email} from the emailed link`,
    async () => {
      const mail = await mailbox.waitFor(email, /confirm your (new )?email/i, { count });
      await page.goto(mailbox.link(mail, "/verify-email"));
      await page.getByRole("button", { name: /^confirm email address$/i }).click();
      await page.waitForURL((url) => url.pathname !== "/verify-email");
    },
    { box: true },
  );
}

export class RegisterPage {
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly confirmPassword: Locator;
  readonly submitButton: Locator;
  readonly signInLink: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel(/^name$/i);
    this.email = page.getByLabel(/^email$/i);
    this.password = page.getByLabel(/^password$/i);
    this.confirmPassword = page.getByLabel(/^confirm password$/i);
    this.submitButton = page.getByRole("button", { name: /^create account$/i });
    this.signInLink = page.getByRole("link", { name: /^sign in$/i });
  }

  async goto() {
    await test.step("open /register", () => this.page.goto("/register"), { box: true });
  }

  /** Fills every field; `confirmPassword` defaults to the user's password. */
  async fill(user: TestUser, { confirmPassword = user.password }: { confirmPassword?: string } = {}) {
    await test.step(
      `fill the registration form for ${user.email}`,
      async () => {
        await this.name.fill(user.name);
        await this.email.fill(user.email);
        await this.password.fill(user.password);
        await this.confirmPassword.fill(confirmPassword);
      },
      { box: true },
    );
  }

  async submit() {
    await test.step("submit the registration form", () => this.submitButton.click(), { box: true });
  }

  /**
   * After a successful submit, ends signed in on /dashboard: where the app first asks to
   * confirm the address (/check-email), confirms it from the test mailbox and signs in.
   */
  async finishSignedIn(user: TestUser) {
    await this.page.waitForURL((url) => ["/dashboard", "/check-email"].includes(url.pathname));
    if (new URL(this.page.url()).pathname === "/dashboard") return;
    await confirmEmailFromMail(this.page, await testMailbox(), user.email);
    await new LoginPage(this.page).signIn(user.email, user.password);
    await this.page.waitForURL((url) => url.pathname === "/dashboard");
  }
}

export class LoginPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly rememberMe: Locator;
  readonly submitButton: Locator;
  readonly forgotPasswordLink: Locator;
  readonly createAccountLink: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel(/^email$/i);
    this.password = page.getByLabel(/^password$/i);
    this.rememberMe = page.getByRole("checkbox", { name: /^remember me$/i });
    this.submitButton = page.getByRole("button", { name: /^sign in$/i });
    this.forgotPasswordLink = page.getByRole("link", { name: /^forgot password\?$/i });
    this.createAccountLink = page.getByRole("link", { name: /^create account$/i });
  }

  async goto(callbackUrl?: string) {
    const url =
      callbackUrl === undefined ? "/login" : `/login?callbackUrl=${encodeURIComponent(callbackUrl)}`;
    await test.step(`open ${url}`, () => this.page.goto(url), { box: true });
  }

  /**
   * Fills the form and submits it; the test then asserts where it lands, since a sign-in
   * may be meant to fail. `remember` sets the "Remember me" box; left out, it stays as it is.
   */
  async signIn(email: string, password: string, { remember }: { remember?: boolean } = {}) {
    await test.step(
      `sign in as ${email}`,
      async () => {
        await this.email.fill(email);
        await this.password.fill(password);
        if (remember !== undefined) await this.rememberMe.setChecked(remember);
        await this.submitButton.click();
      },
      { box: true },
    );
  }
}

/**
 * /settings: one region per section, named by its heading. Several sections share a label
 * ("Current password"), so every field is located inside its section.
 */
export class SettingsPage {
  readonly profile: Locator;
  readonly password: Locator;
  readonly email: Locator;
  readonly sessions: Locator;
  readonly recentActivity: Locator;
  readonly deleteAccount: Locator;

  readonly name: Locator;
  readonly saveProfileButton: Locator;
  readonly currentPassword: Locator;
  readonly newPassword: Locator;
  readonly confirmPassword: Locator;
  readonly changePasswordButton: Locator;
  readonly newEmail: Locator;
  readonly emailCurrentPassword: Locator;
  readonly changeEmailButton: Locator;
  /** One row per active session (the header row has no cells, so it is not counted). */
  readonly sessionRows: Locator;
  readonly signOutOtherSessionsButton: Locator;
  readonly deleteCurrentPassword: Locator;
  /** The first step's button, then (same name) the confirmation's final one. */
  readonly deleteAccountButton: Locator;

  constructor(readonly page: Page) {
    const region = (name: RegExp) => page.getByRole("region", { name });
    this.profile = region(/^profile$/i);
    this.password = region(/^password$/i);
    this.email = region(/^email$/i);
    this.sessions = region(/^sessions$/i);
    this.recentActivity = region(/^recent activity$/i);
    this.deleteAccount = region(/^delete account$/i);

    this.name = this.profile.getByLabel(/^name$/i);
    this.saveProfileButton = this.profile.getByRole("button", { name: /^save profile$/i });
    this.currentPassword = this.password.getByLabel(/^current password$/i);
    this.newPassword = this.password.getByLabel(/^new password$/i);
    this.confirmPassword = this.password.getByLabel(/^confirm password$/i);
    this.changePasswordButton = this.password.getByRole("button", { name: /^change password$/i });
    this.newEmail = this.email.getByLabel(/^new email$/i);
    this.emailCurrentPassword = this.email.getByLabel(/^current password$/i);
    this.changeEmailButton = this.email.getByRole("button", { name: /^change email$/i });
    this.sessionRows = this.sessions.getByRole("row").filter({ has: page.getByRole("cell") });
    this.signOutOtherSessionsButton = this.sessions.getByRole("button", {
      name: /^sign out other sessions$/i,
    });
    this.deleteCurrentPassword = this.deleteAccount.getByLabel(/^current password$/i);
    this.deleteAccountButton = this.deleteAccount.getByRole("button", { name: /^delete account$/i });
  }

  async goto() {
    await test.step("open /settings", () => this.page.goto("/settings"), { box: true });
  }

  async changePassword(currentPassword: string, newPassword: string) {
    await test.step(
      "change the password",
      async () => {
        await this.currentPassword.fill(currentPassword);
        await this.newPassword.fill(newPassword);
        await this.confirmPassword.fill(newPassword);
        await this.changePasswordButton.click();
      },
      { box: true },
    );
  }

  /** Fills the password, presses "Delete account", then confirms with the second "Delete account". */
  async deleteAccountWith(currentPassword: string) {
    await test.step(
      "delete the account",
      async () => {
        await this.deleteCurrentPassword.fill(currentPassword);
        await this.deleteAccountButton.click();
        await expect(this.deleteAccount.getByText(/cannot be undone/i)).toBeVisible();
        await this.deleteAccountButton.click();
      },
      { box: true },
    );
  }
}

/** Registers `user` and ends signed in on /dashboard (confirming the address when required). */
export async function signUp(page: Page, user: TestUser) {
  const registerPage = new RegisterPage(page);
  await registerPage.goto();
  await registerPage.fill(user);
  await registerPage.submit();
  await registerPage.finishSignedIn(user);
}

/** An authenticator app's code for `secret` now, or `offsetSeconds` away, as the app would show it. */
export const appCode = (secret: string, offsetSeconds = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

/**
 * Sets up an authenticator app in /settings → Two-factor authentication and switches it on,
 * reading the secret from the `Setup key` as a person would type it into the app. Returns the
 * secret, the code that switched it on (used, so refused from now on) and the recovery codes.
 */
export async function enableAuthenticatorApp(page: Page, user: TestUser) {
  return test.step(
    "set up an authenticator app",
    async () => {
      await page.goto("/settings");
      const twoFactor = page.getByRole("region", { name: /^two-factor authentication$/i });
      await twoFactor.getByRole("button", { name: /^set up authenticator app$/i }).click();
      await expect(twoFactor.getByRole("img", { name: /qr code/i })).toBeVisible();
      const secret = ((await twoFactor.getByLabel(/^setup key$/i).textContent()) ?? "").replace(/\s+/g, "");
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      const enableCode = await appCode(secret);
      await twoFactor.getByLabel(/^authentication code$/i).fill(enableCode);
      await twoFactor.getByLabel(/^current password$/i).fill(user.password);
      await twoFactor.getByRole("button", { name: /^enable two-factor authentication$/i }).click();
      await expect(twoFactor.getByRole("status").first()).toContainText(/two-factor authentication is on/i);
      const list = twoFactor.getByRole("list", { name: /^recovery codes$/i });
      await expect(list.getByRole("listitem")).toHaveCount(10);
      const recoveryCodes = (await list.getByRole("listitem").allTextContents()).map((code) => code.trim());
      return { secret, enableCode, recoveryCodes };
    },
    { box: true },
  );
}

type Fixtures = {
  /** A fresh, unregistered user for this test; call `makeUser()` for more. */
  user: TestUser;
  registerPage: RegisterPage;
  loginPage: LoginPage;
  /** Signs out with the header's "Sign out" button and waits for the sign-in page. */
  signOut: () => Promise<void>;
};

export const test = base.extend<Fixtures>({
  user: async ({}, use) => {
    await use(makeUser());
  },
  registerPage: async ({ page }, use) => {
    await use(new RegisterPage(page));
  },
  loginPage: async ({ page }, use) => {
    await use(new LoginPage(page));
  },
  signOut: async ({ page }, use) => {
    await use(async () => {
      await test.step(
        "sign out",
        async () => {
          const signOutButton = page.getByRole("banner").getByRole("button", { name: /^sign out$/i });
          await signOutButton.click();
          await page.waitForURL((url) => url.pathname === "/login");
          await expect(signOutButton).toBeHidden();
        },
        { box: true },
      );
    });
  },
});

export { expect };
