import { env } from "@/lib/env";

/** Our cookies are Secure, and their names prefixed, when the public origin is https. */
export const secureCookies = () => env.AUTH_URL?.startsWith("https:") ?? false;

/**
 * A cookie's name as set and read: `__Host-` for one on path / that no subdomain may
 * overwrite, `__Secure-` for one scoped to a path; unprefixed over plain http.
 */
export const prefixedCookieName = (name: string, prefix: "__Host-" | "__Secure-") =>
  secureCookies() ? `${prefix}${name}` : name;

/** One cookie's value from a request's raw Cookie header, for code that has only the header. */
export function cookieValue(cookieHeader: string | null | undefined, name: string): string | null {
  const prefix = `${name}=`;
  const pair = cookieHeader
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(prefix));
  return pair === undefined ? null : pair.slice(prefix.length);
}
