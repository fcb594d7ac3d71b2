import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("./", import.meta.url));

const env = {
  AUTH_SECRET: "latchkey-test-secret-not-for-production-use-0123456789",
  NODE_ENV: "test",
} as const;

// Only tests/ is searched: e2e/ belongs to Playwright.
const exclude = ["**/node_modules/**", "e2e/**", ".next/**"];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      { find: /^server-only$/, replacement: `${root}tests/setup/server-only-stub.ts` },
    ],
  },
  test: {
    // next-auth imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          exclude,
          environment: "node",
          env,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude,
          environment: "node",
          env,
          // Each file gets its own database (tests/setup/integration.ts), so files may run
          // side by side; two at a time suits two cores, as PGlite and bcrypt are CPU-bound.
          setupFiles: ["tests/setup/integration.ts"],
          globalSetup: ["tests/setup/production-build.ts"],
          fileParallelism: true,
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
