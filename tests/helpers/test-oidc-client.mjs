// The app's client at the test OpenID Connect provider (tests/helpers/test-oidc-provider.mjs),
// apart so that playwright.config.ts can configure the app without loading the provider.
export const TEST_OIDC_CLIENT = { id: "latchkey-test", secret: "latchkey-test-secret-0123456789" };
