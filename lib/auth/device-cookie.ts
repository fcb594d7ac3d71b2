import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

// OWASP's device cookies: a browser where an account signed in successfully carries a signed
// entry for it, and a sign-in from that browser is counted apart from everyone else's, so a
// guesser elsewhere can slow down and lock only the browsers that have never proven anything.
// An entry names the account by a keyed digest of its email (the cookie reveals no address)
// and a random nonce, under which that browser's own failures are counted.

const NAME = "latchkey-device";
const SECURE_NAME = `__Host-${NAME}`;
export const DEVICE_COOKIE_MAX_AGE = 365 * 86400;
const MAX_ENTRIES = 5; // accounts remembered per browser, most recent first
const ENTRY = /^[\w-]{16}\.[\w-]{22}\.[\w-]{22}$/;

export type DeviceCookie = { name: string; value: string; maxAge: number; secure: boolean };

const secureCookies = () => env.AUTH_URL?.startsWith("https:") ?? false;
const cookieName = () => (secureCookies() ? SECURE_NAME : NAME);

function signingKey(): Buffer | null {
  if (!env.AUTH_SECRET) return null;
  return createHmac("sha256", env.AUTH_SECRET).update("latchkey/device-cookie/v1").digest();
}

const mac = (key: Buffer, text: string, bytes: number) =>
  createHmac("sha256", key).update(text).digest().subarray(0, bytes).toString("base64url");

const accountTag = (key: Buffer, email: string) => mac(key, `account:${email}`, 12);

function entriesOf(cookieHeader: string | null): string[] {
  const prefix = `${cookieName()}=`;
  const raw = cookieHeader
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(prefix));
  if (!raw) return [];
  return raw
    .slice(prefix.length)
    .split("~")
    .filter((entry) => ENTRY.test(entry))
    .slice(0, MAX_ENTRIES);
}

function isGenuine(key: Buffer, entry: string): boolean {
  const [tag, nonce, signature] = entry.split(".") as [string, string, string];
  const expected = Buffer.from(mac(key, `${tag}.${nonce}`, 16));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The nonce of this browser's genuine entry for `email`, or null: an unknown device. */
export function trustedDevice(cookieHeader: string | null, email: string): string | null {
  const key = signingKey();
  if (!key) return null;
  const tag = accountTag(key, email);
  const entry = entriesOf(cookieHeader).find((e) => e.startsWith(`${tag}.`) && isGenuine(key, e));
  return entry?.split(".")[1] ?? null;
}

/**
 * After a successful sign-in: the cookie with a fresh entry for `email` in front (a new
 * nonce, so failures counted under the old one are left behind), the browser's other
 * genuine entries after it. Null when there is no secret to sign with.
 */
export function deviceCookieAfterSignIn(cookieHeader: string | null, email: string): DeviceCookie | null {
  const key = signingKey();
  if (!key) return null;
  const tag = accountTag(key, email);
  const body = `${tag}.${randomBytes(16).toString("base64url")}`;
  const others = entriesOf(cookieHeader).filter((e) => !e.startsWith(`${tag}.`) && isGenuine(key, e));
  return {
    name: cookieName(),
    value: [`${body}.${mac(key, body, 16)}`, ...others].slice(0, MAX_ENTRIES).join("~"),
    maxAge: DEVICE_COOKIE_MAX_AGE,
    secure: secureCookies(),
  };
}
