import type { CDPSession, Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Chromium's virtual authenticator (DevTools protocol, WebAuthn domain) and the /settings →
// Passkeys section, located by the accessible names in ../shared/CONTRACT.md.

/** A platform authenticator with resident keys and user verification, answering at once. */
export class VirtualAuthenticator {
  private constructor(
    private readonly cdp: CDPSession,
    readonly id: string,
  ) {}

  static async attach(page: Page): Promise<VirtualAuthenticator> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "internal",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    return new VirtualAuthenticator(cdp, authenticatorId);
  }

  /** The passkeys it holds. */
  async credentials() {
    const { credentials } = await this.cdp.send("WebAuthn.getCredentials", { authenticatorId: this.id });
    return credentials;
  }

  /** Whether the next ceremonies pass user verification (the fingerprint, the PIN). */
  async setUserVerified(isUserVerified: boolean) {
    await this.cdp.send("WebAuthn.setUserVerified", { authenticatorId: this.id, isUserVerified });
  }
}

export class PasskeysSection {
  readonly region: Locator;
  readonly name: Locator;
  readonly currentPassword: Locator;
  readonly code: Locator;
  readonly addButton: Locator;
  /** One row per passkey (the header row has no cells). */
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole("region", { name: /^passkeys$/i });
    this.name = this.region.getByLabel(/^passkey name$/i);
    this.currentPassword = this.region.getByLabel(/^current password$/i);
    this.code = this.region.getByLabel(/^authentication code$/i);
    this.addButton = this.region.getByRole("button", { name: /^add a passkey$/i });
    this.rows = this.region.getByRole("row").filter({ has: page.getByRole("cell") });
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole("rowheader", { name, exact: true }) });
  }

  /** Opens /settings and adds a passkey named `name` (no password: the sign-in is minutes old). */
  async add(name: string) {
    await test.step(
      `add the passkey "${name}"`,
      async () => {
        await this.page.goto("/settings");
        await expect(this.addButton).toBeEnabled();
        await this.name.fill(name);
        await this.addButton.click();
        await expect(this.region.getByRole("status").filter({ hasText: /added/i })).toBeVisible();
        await expect(this.row(name)).toBeVisible();
      },
      { box: true },
    );
  }
}

/**
 * Turns passkey autofill (conditional mediation) off in this page, as in a browser without it.
 * Chromium's virtual authenticator answers an autofill request at once, with no one to pick a
 * passkey, so a page that offers it would sign in by itself as soon as it opens.
 */
export async function withoutPasskeyAutofill(page: Page) {
  await page.addInitScript(() => {
    if ("PublicKeyCredential" in window)
      PublicKeyCredential.isConditionalMediationAvailable = async () => false;
  });
}
