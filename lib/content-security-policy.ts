// Edge-safe: used by middleware.ts. The other security headers, which do not change per
// request, are in next.config.mjs (headers()).
import { isDevelopment } from "@/lib/edge-env";

/** 128 random bits, base64: a fresh one for every page request. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Scripts run only when they carry this request's nonce, or when a nonced script loads
 * them ('strict-dynamic'); Next.js reads the nonce from this header on the request and
 * puts it on its own scripts. Styles allow 'unsafe-inline': React and Next.js write
 * style attributes (the route announcer, the dev overlay) that cannot carry a nonce, and
 * CSS cannot run code. Development adds 'unsafe-eval', which React's dev tooling needs.
 * Forms post only here, and their redirects go only to `formActionSources` besides: the
 * configured sign-in providers' authorisation endpoints (lib/providers/authorization-origins.ts).
 */
export function contentSecurityPolicy(
  nonce: string,
  development = isDevelopment(),
  formActionSources: readonly string[] = [],
) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    ["form-action 'self'", ...formActionSources].join(" "),
    "frame-ancestors 'none'",
  ].join("; ");
}
