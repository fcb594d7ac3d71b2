import "server-only";
import { createHmac, createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from "node:crypto";
import { cookieValue, prefixedCookieName, secureCookies } from "@/lib/cookies";
import { env } from "@/lib/env";

// OWASP's device cookies: a browser where an account signed in successfully carries a signed
// entry for it, and a sign-in from that browser is counted apart from everyone else's, so a
// guesser elsewhere can slow down and lock only the browsers that have never proven anything.
// An entry names the account by a keyed digest of its id (the cookie reveals nothing), holds a
// random nonce (under which that browser's own failures are counted) and when it was issued,
// and is signed together with the account's credential version: a password change or reset
// ends every browser's trust, and an entry older than a year is worth nothing.

export const DEVICE_COOKIE_MAX_AGE = 365 * 86400;
const MAX_ENTRIES = 5; // accounts remembered per browser, most recent first
const ENTRY = /^[\w-]{16}\.[\w-]{22}\.[0-9a-z]{1,10}\.[\w-]{22}$/;

export type DeviceCookie = { name: string; value: string; maxAge: number; secure: boolean };
/** The account an entry is for, as it is now. */
export type DeviceAccount = { id: string; credentialVersion: number };

const cookieName = () => prefixedCookieName("latchkey-device", "__Host-");

// Derived once per secret: a sign-in checks and signs entries several times.
let derived: { secret: string; key: KeyObject } | null = null;

function signingKey(): KeyObject | null {
  const secret = env.AUTH_SECRET;
  if (!secret) return null;
  if (derived?.secret !== secret) {
    const key = createHmac("sha256", secret).update("latchkey/device-cookie/v2").digest();
    derived = { secret, key: createSecretKey(key) };
  }
  return derived.key;
}

const mac = (key: KeyObject, text: string, bytes: number) =>
  createHmac("sha256", key).update(text).digest().subarray(0, bytes).toString("base64url");

const accountTag = (key: KeyObject, account: DeviceAccount) => mac(key, `account:${account.id}`, 12);
const signature = (key: KeyObject, body: string, account: DeviceAccount) =>
  mac(key, `${body}.v${account.credentialVersion}`, 16);

function entriesOf(cookieHeader: string | null): string[] {
  const raw = cookieValue(cookieHeader, cookieName());
  if (!raw) return [];
  return raw
    .split("~")
    .filter((entry) => ENTRY.test(entry))
    .slice(0, MAX_ENTRIES);
}

const issuedAt = (entry: string) => Number.parseInt(entry.split(".")[2]!, 36);
const isFresh = (entry: string, now: number) => now - issuedAt(entry) < DEVICE_COOKIE_MAX_AGE;

function isGenuine(key: KeyObject, entry: string, account: DeviceAccount, now: number): boolean {
  const body = entry.slice(0, entry.lastIndexOf("."));
  const expected = Buffer.from(signature(key, body, account));
  const given = Buffer.from(entry.slice(entry.lastIndexOf(".") + 1));
  return isFresh(entry, now) && expected.length === given.length && timingSafeEqual(expected, given);
}

const nowInSeconds = () => Math.floor(Date.now() / 1000);

/** The nonce of this browser's genuine entry for the account, or null: an unknown device. */
export function trustedDevice(cookieHeader: string | null, account: DeviceAccount): string | null {
  const key = signingKey();
  if (!key) return null;
  const tag = accountTag(key, account);
  const now = nowInSeconds();
  const entry = entriesOf(cookieHeader).find(
    (e) => e.startsWith(`${tag}.`) && isGenuine(key, e, account, now),
  );
  return entry?.split(".")[1] ?? null;
}

/**
 * After a successful sign-in: the cookie with a fresh entry for the account in front (a new
 * nonce, so failures counted under the old one are left behind), the browser's entries for
 * other accounts after it. Null when there is no secret to sign with.
 */
export function deviceCookieAfterSignIn(
  cookieHeader: string | null,
  account: DeviceAccount,
): DeviceCookie | null {
  const key = signingKey();
  if (!key) return null;
  const tag = accountTag(key, account);
  const now = nowInSeconds();
  const body = `${tag}.${randomBytes(16).toString("base64url")}.${now.toString(36)}`;
  const others = entriesOf(cookieHeader).filter((e) => !e.startsWith(`${tag}.`) && isFresh(e, now));
  return {
    name: cookieName(),
    value: [`${body}.${signature(key, body, account)}`, ...others].slice(0, MAX_ENTRIES).join("~"),
    maxAge: DEVICE_COOKIE_MAX_AGE,
    secure: secureCookies(),
  };
}
