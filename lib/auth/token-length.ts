// No imports: middleware (edge), the forms' schemas (browser) and the server all read it.

/** Our secrets are 43 characters (lib/auth/token-secret.ts); a longer one is refused unread. */
export const MAX_TOKEN_LENGTH = 128;
