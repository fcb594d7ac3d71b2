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
  try {
    const token = await decode({ token: cookieValue(cookies, name), secret, salt: name });
    if (typeof token?.sub !== "string" || typeof token.sessionSecret !== "string") return null;
    return { sub: token.sub, sessionSecret: token.sessionSecret };
  } catch {
    return null;
  }
}
