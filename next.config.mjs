import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { applyLocalDefaults } from "./lib/local-defaults.mjs";

/** @param {string} phase */
export default function nextConfig(phase) {
  // A build needs no secret; `next dev` and `next start` do, before the first request.
  if (phase !== PHASE_PRODUCTION_BUILD) applyLocalDefaults(process.env.DATA_DIR);

  /** @type {import('next').NextConfig} */
  const config = {
    reactStrictMode: true,
    // A build folder per server lets several dev servers share one checkout (tests, tools).
    distDir: process.env.NEXT_DIST_DIR || ".next",
    poweredByHeader: false,
    // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
    serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "pg", "bcryptjs"],
    // Security headers that do not change per request; the Content-Security-Policy, which
    // carries a per-request nonce, is set by middleware.ts.
    async headers() {
      return securityHeaders(phase !== PHASE_DEVELOPMENT_SERVER);
    },
  };
  return config;
}

/** @param {boolean} production */
function securityHeaders(production) {
  const everywhere = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    { key: "X-Frame-Options", value: "DENY" }, // for browsers without CSP frame-ancestors
  ];
  // Every production build: browsers ignore HSTS over plain http (a local `npm start`), and
  // honour it wherever the site is served over https.
  if (production) {
    everywhere.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  }
  // Pages whose URL holds a secret token: no Referer at all, not even the origin.
  const tokenPage = [{ key: "Referrer-Policy", value: "no-referrer" }];
  return [
    { source: "/:path*", headers: everywhere },
    { source: "/reset-password", headers: tokenPage },
    { source: "/verify-email", headers: tokenPage },
  ];
}
