import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants.js";
import createNextIntlPlugin from "next-intl/plugin";
import { applyLocalDefaults } from "./lib/local-defaults.mjs";
import { MAX_REQUEST_BODY_BYTES, MIDDLEWARE_BODY_BYTES } from "./lib/request-body-limit.mjs";
import { securityHeaders } from "./lib/security-headers.mjs";
import { distDir } from "./lib/static-assets.mjs";

/** @param {string} phase */
export default function nextConfig(phase) {
  // A build needs no secret; `next dev` and `next start` do, before the first request.
  if (phase !== PHASE_PRODUCTION_BUILD) applyLocalDefaults(process.env.DATA_DIR);

  /** @type {import('next').NextConfig} */
  const config = {
    reactStrictMode: true,
    // A build folder per server lets several dev servers share one checkout (tests, tools).
    distDir: distDir(),
    poweredByHeader: false,
    // The Dockerfile's build: a minimal server bundle (.next/standalone) that server.mjs runs
    // from. Only there: a checkout's `npm start` would be told to use Next's standalone server.
    output: process.env.LATCHKEY_STANDALONE === "true" ? "standalone" : undefined,
    outputFileTracingIncludes: {
      "/**": [
        // /api/health and the start-up check read the migrations folder (lib/db/migrate.ts).
        "./prisma/migrations/**/*",
        // The hash workers require() bcryptjs at run time (lib/auth/hash-pool.ts): its CommonJS build.
        "./node_modules/bcryptjs/**/*",
      ],
    },
    // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
    // nodemailer: bundled, its url.parse() calls would no longer count as node_modules code, and
    // Node.js would print a DEP0169 warning in production logs on the first mail sent.
    serverExternalPackages: [
      "@electric-sql/pglite",
      "@electric-sql/pglite-socket",
      "pg",
      "bcryptjs",
      "nodemailer",
    ],
    // Bodies without a Content-Length, which server.mjs cannot refuse up front (lib/request-body-limit.mjs).
    experimental: {
      // forbidden() and app/forbidden.tsx: a 403 for a signed-in user who lacks a permission.
      authInterrupts: true,
      proxyClientMaxBodySize: MIDDLEWARE_BODY_BYTES,
      serverActions: { bodySizeLimit: MAX_REQUEST_BODY_BYTES },
    },
    async headers() {
      return securityHeaders(phase !== PHASE_DEVELOPMENT_SERVER);
    },
  };
  return withNextIntl(config);
}

// i18n/request.ts picks each request's language; messages are compiled at build time, so the
// browser gets no ICU parser (lighter pages).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./i18n/request.ts",
  experimental: { messages: { path: "./messages", locales: "infer", format: "json", precompile: true } },
});
