// The environment as middleware.ts (edge runtime) reads it. lib/env.ts cannot load there: it
// is server-only and reaches node:net (lib/client-address.mjs). It validates these same
// variables when the Node side starts; here they are read as they are, on each call.

/** AUTH_URL, the public origin; undefined when unset or empty. */
export const authUrl = (): string | undefined => process.env.AUTH_URL || undefined;

/** Next.js writes NODE_ENV into each bundle at build time, so this is a constant there. */
export const isDevelopment = (): boolean => process.env.NODE_ENV === "development";
