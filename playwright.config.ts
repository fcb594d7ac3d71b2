import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { TEST_OIDC_CLIENT } from "./tests/helpers/test-oidc-client.mjs";

/** The app's variables for the test OpenID Connect provider at `issuer`. */
export const testOidcEnv = (issuer: string) => ({
  AUTH_OIDC_ISSUER: issuer,
  AUTH_OIDC_ID: TEST_OIDC_CLIENT.id,
  AUTH_OIDC_SECRET: TEST_OIDC_CLIENT.secret,
  AUTH_OIDC_NAME: "Test ID",
});

// With BASE_URL set (QA against a deployment), no server is started here.
const deployment = process.env.BASE_URL;
// E2E_PORT, E2E_SMTP_PORT and E2E_OIDC_PORT move the suite's servers, so that two checkouts
// can run their suites side by side on one machine.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = deployment ?? `http://localhost:${port}`;
// A data folder of its own, emptied by the server command itself, so every run starts
// from a fresh embedded database and never touches the developer's `.data/`.
const dataDir = `.data/e2e-${port}`;
// The SMTP server the tests start (e2e/fixtures.ts, testMailbox) listens here, and the app
// sends its mail to it. Against a deployment, set E2E_SMTP_PORT only if it can reach this machine.
if (!deployment) process.env.E2E_SMTP_PORT ??= "3125";
// The admin the server's start command creates (`npm run create-admin`, the password piped in as
// a deploy script would). Against a deployment, set both to an existing admin to run e2e/admin.spec.ts.
if (!deployment) {
  process.env.E2E_ADMIN_EMAIL ??= "admin@latchkey.test";
  process.env.E2E_ADMIN_PASSWORD ??= `e2e-${randomBytes(12).toString("base64url")}-operator passphrase`;
}

// The OpenID Connect provider the tests sign in with (tests/helpers/test-oidc-provider.mjs), on
// loopback; the app is configured for it (AUTH_OIDC_*) and e2e/providers.spec.ts finds it here.
// Against a deployment, set E2E_OIDC_ISSUER only if the deployment is configured for such a provider.
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3199);
if (!deployment) process.env.E2E_OIDC_ISSUER ??= `http://127.0.0.1:${oidcPort}`;

// Debian's Chromium where it is installed (Playwright cannot download browsers here),
// else Playwright's own. Without the networking flags Chromium keeps calling home.
const systemChromium = "/usr/bin/chromium";
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 2 : 0,
  // One worker: the embedded PostgreSQL takes one connection at a time and CI has two cores,
  // which the server, the browser and the runner already share.
  workers: 1,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never" }], ["./e2e/skip-reasons-reporter.ts"]],
  // Against a deployment: health, limits and mail checked first, in seconds (e2e/preflight.ts).
  globalSetup: deployment ? "./e2e/preflight.ts" : undefined,
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: existsSync(systemChromium) ? systemChromium : undefined,
          args: chromiumArgs,
        },
      },
    },
  ],
  webServer: deployment
    ? undefined
    : [
        {
          command: `node tests/helpers/test-oidc-provider-server.mjs ${oidcPort} ${baseURL}/api/auth/callback/oidc`,
          url: `${process.env.E2E_OIDC_ISSUER}/.well-known/openid-configuration`,
          reuseExistingServer: false,
          stdout: "ignore",
          stderr: "pipe",
        },
        {
          // The production build and server, exactly as `npm run build && npm start` run them.
          command:
            `rm -rf ${dataDir} && npm run build && ` +
            `printf '%s\\n' "$E2E_ADMIN_PASSWORD" | npm run -s create-admin -- --email "$E2E_ADMIN_EMAIL" && ` +
            "npm start",
          url: `${baseURL}/api/health`,
          env: {
            PORT: String(port),
            DATA_DIR: dataDir,
            NEXT_DIST_DIR: ".next-e2e", // leaves the developer's own .next build alone
            AUTH_URL: baseURL,
            EMAIL_SERVER: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
            // Always the embedded database, whatever DATABASE_URL the shell or .env.local holds.
            DATABASE_URL: "",
            NEXT_TELEMETRY_DISABLED: "1", // no calls home from CI's closed network
            ERROR_DRILL: "true", // /dev/error, for the error page's test (e2e/error-pages.spec.ts)
            // Journeys, not hashing strength, are under test here (tests/integration covers the
            // cost and its upgrade); cost 10 is four times cheaper than the default 12.
            BCRYPT_COST: "10",
            // Every test comes from one address: room for the whole suite's registrations and
            // wrong passwords. Per-account limits stay as in production (e2e/throttling.spec.ts).
            RATE_LIMIT_SIGN_IN_PER_ADDRESS: "1000",
            RATE_LIMIT_FORMS_PER_ADDRESS: "1000",
            // The test OpenID Connect provider above (its client, tests/helpers/test-oidc-provider.mjs).
            ...testOidcEnv(String(process.env.E2E_OIDC_ISSUER)),
          },
          // Never someone else's server on this port: to iterate against a running one, set BASE_URL.
          reuseExistingServer: false,
          timeout: 10 * 60_000, // the build alone takes minutes on two cores
          stdout: "pipe",
          stderr: "pipe",
          gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
        },
      ],
});
