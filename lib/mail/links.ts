import "server-only";
import { env } from "@/lib/env";

/**
 * An absolute link for an email, built from AUTH_URL only: never from the request's Host or
 * X-Forwarded-Host, which a client controls. Without AUTH_URL (local development) it falls
 * back to http://localhost:PORT.
 */
export function absoluteUrl(pathAndQuery: string): string {
  const origin = env.AUTH_URL ?? `http://localhost:${env.PORT}`;
  return new URL(pathAndQuery, origin).toString();
}

/** The emailed link to a page that takes a token (lib/auth/link-token.ts takes it out again). */
export function tokenLink(pathname: "/reset-password" | "/verify-email", secret: string): string {
  return absoluteUrl(`${pathname}?${new URLSearchParams({ token: secret })}`);
}
