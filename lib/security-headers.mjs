// Security headers that do not change per request (next.config.mjs, and server.mjs for the
// static files it serves itself). The Content-Security-Policy, which carries a per-request
// nonce, is set by middleware.ts.

/** @param {boolean} production @returns {{ key: string, value: string }[]} */
export function commonSecurityHeaders(production) {
  const headers = [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    { key: "X-Frame-Options", value: "DENY" }, // for browsers without CSP frame-ancestors
  ];
  // Every production build: browsers ignore HSTS over plain http (a local `npm start`), and
  // honour it wherever the site is served over https.
  if (production) {
    headers.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
  }
  return headers;
}

/** next.config.mjs's `headers()`. @param {boolean} production */
export function securityHeaders(production) {
  // A URL that holds an emailed link's token: no Referer at all, not even the origin.
  // (middleware.ts answers such a URL with a redirect to the page without it: lib/auth/link-token.ts.)
  const tokenUrl = (source) => ({
    source,
    has: [{ type: "query", key: "token" }],
    headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
  });
  return [
    { source: "/:path*", headers: commonSecurityHeaders(production) },
    tokenUrl("/reset-password"),
    tokenUrl("/verify-email"),
  ];
}
