// Edge-safe: middleware.ts and lib/dal.ts read the session cookie with this, not with Auth.js's
// auth(), which would also run its callbacks, encrypt the token again and build a Set-Cookie
// that lib/auth/session-cookie.ts then throws away: twice the JWT work on every request.
import { decode } from "next-auth/jwt";

const NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

type CookieReader = { get(name: string): { value: string } | undefined };

/** What the session cookie carries (auth.ts's jwt callback puts nothing else in it). */
export type SessionToken = { sub: string; sessionSecret: string };

/** The session cookie present in the request, under either of Auth.js's names; else null. */
export function sessionCookieName(cookies: CookieReader): (typeof NAMES)[number] | null {
  return NAMES.find((name) => cookies.get(name) ?? cookies.get(`${name}.0`)) ?? null;
}

/** The value of a cookie Auth.js may have split into `name.0`, `name.1`…, whole again. */
function cookieValue(cookies: CookieReader, name: string): string {
  const whole = cookies.get(name)?.value;
  if (whole) return whole;
  let value = "";
  for (let chunk = 0; cookies.get(`${name}.${chunk}`); chunk++)
    value += cookies.get(`${name}.${chunk}`)!.value;
  return value;
}

// Decrypting costs most of a millisecond (a key derivation, then AES and HMAC), and a browser
// sends the same cookie with every request, to middleware and then to the page: the cookies this
// process decrypted lately, and what they said, until their expiry. Only decryption is spared;
// the session row is still read on every request.
const CACHE_SIZE = 10_000;
const decrypted = new Map<string, { token: SessionToken; expiresAt: number }>();

function remember(key: string, token: SessionToken, expiresAt: number): void {
  decrypted.set(key, { token, expiresAt });
  if (decrypted.size > CACHE_SIZE) decrypted.delete(decrypted.keys().next().value!);
}

function recall(key: string): SessionToken | null {
  const hit = decrypted.get(key);
  if (!hit) return null;
  decrypted.delete(key);
  if (hit.expiresAt <= Date.now()) return null;
  decrypted.set(key, hit); // the most recently used last, so the oldest go first
  return hit.token;
}

/**
 * The session cookie, decrypted and checked (expiry included) as Auth.js does it, with the
 * cookie's name as salt; null when there is none or it does not decrypt. The session row still
 * decides whether it is alive (lib/auth/sessions.ts validateSession).
 */
export async function readSessionToken(
  cookies: CookieReader,
  secret: string | undefined,
): Promise<SessionToken | null> {
  const name = sessionCookieName(cookies);
  if (!name || !secret) return null;
  const value = cookieValue(cookies, name);
  const key = `${secret}\u0000${name}\u0000${value}`;
  const known = recall(key);
  if (known) return known;
  try {
    const token = await decode({ token: value, secret, salt: name });
    if (typeof token?.sub !== "string" || typeof token.sessionSecret !== "string") return null;
    if (typeof token.exp !== "number") return null;
    const read = { sub: token.sub, sessionSecret: token.sessionSecret };
    remember(key, read, token.exp * 1000);
    return read;
  } catch {
    return null;
  }
}
