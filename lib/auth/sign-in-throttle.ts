import "server-only";
import { issueTokenIn, revokeTokens } from "@/lib/auth/tokens";
import { rateLimitAddress } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { db as prisma } from "@/lib/db";
import { recordEventIn } from "@/lib/events/record";
import { tokenLink } from "@/lib/mail/links";
import { consumeWith, NOW, rateLimitDb, refundWith, type Queryable, type RateResult } from "@/lib/rate-limit";
import type { SecurityContext } from "@/lib/request-context";
import { findUserForSignIn } from "@/lib/users";

// Per account (any normalised email, known or not, so a lock reveals nothing about which
// emails exist), whatever the client's address, for browsers that have not signed in to it
// before (lib/auth/device-cookie.ts):
export const DELAY_FROM = 5; // failures 5–9 wait 10, 20, 40, 80, 160 seconds
export const DELAY_SECONDS = 10;
export const LOCK_FROM = 10; // from failure 10, each one locks for 15 minutes…
// …and never longer (Keycloak's default ceiling): a lock must not become a way to keep the
// owner out for days; their own browsers are not locked at all.
export const LOCK_SECONDS = 15 * 60;
export const HARD_STOP = 100; // NIST SP 800-63B: at 100, only a password reset (or a success) unlocks
// A browser with a device cookie for the account has its own count: this many failures a day,
// after which it is treated like any unknown browser.
export const DEVICE_FAILURES_PER_DAY = 10;

export type SignInAttempt = {
  email: string;
  address: string | null;
  /** The device cookie's nonce when the attempt came from a browser the account trusts. */
  device: string | null;
  failures: number;
};
export type SignInClaim = { ok: true; attempt: SignInAttempt } | { ok: false; retryAfter: number };

const addressKey = (address: string) => `sign-in:address:${rateLimitAddress(address)}`;
export const ADDRESS_WINDOW_SECONDS = 60;
const addressRule = () => ({
  limit: env.RATE_LIMIT_SIGN_IN_PER_ADDRESS,
  windowSeconds: ADDRESS_WINDOW_SECONDS,
});
const deviceKey = (device: string) => `sign-in:device:${device}`;
const deviceRule = { limit: DEVICE_FAILURES_PER_DAY, windowSeconds: 86400 };

/**
 * Claims the right to check one password for `email` from `address`. The attempt is
 * counted as a failure before the password is checked (one atomic upsert, which also sets
 * the wait the next attempt will face), so parallel guesses cannot slip past the count;
 * a success then gives it back. While the account waits, nothing is checked, except from
 * a trusted `device`, whose attempts are counted under its own key instead.
 */
export async function claimSignInAttempt(
  email: string,
  address: string | null,
  device: string | null,
  db?: Queryable,
): Promise<SignInClaim> {
  const pool = db ?? (await rateLimitDb());
  if (address) {
    const byAddress = await consumeWith(pool, addressKey(address), addressRule());
    if (!byAddress.ok) return byAddress;
  }
  if (device && (await consumeWith(pool, deviceKey(device), deviceRule)).ok) {
    return { ok: true, attempt: { email, address, device, failures: 0 } };
  }
  const { rows } = await pool.query<{ failures: number }>(
    `INSERT INTO "SignInFailure" AS f ("email", "failures", "lockedUntil", "lastFailureAt")
     VALUES ($1, 1, NULL, ${NOW})
     ON CONFLICT ("email") DO UPDATE SET
       "failures" = f."failures" + 1,
       "lastFailureAt" = ${NOW},
       "lockedUntil" = CASE WHEN f."failures" + 1 >= ${HARD_STOP} THEN ${NOW} + interval '100 years'
         WHEN f."failures" + 1 >= ${DELAY_FROM} THEN ${NOW} + make_interval(secs => CASE
         WHEN f."failures" + 1 >= ${LOCK_FROM} THEN ${LOCK_SECONDS}
         ELSE ${DELAY_SECONDS} * power(2, f."failures" + 1 - ${DELAY_FROM}) END)
         -- No wait below DELAY_FROM: now() is each transaction's start, so a "wait until now"
         -- written by a later one would refuse an earlier, concurrent attempt for a second.
         ELSE NULL END
     WHERE f."lockedUntil" IS NULL OR f."lockedUntil" <= ${NOW}
     RETURNING "failures"`,
    [email],
  );
  const claimed = rows[0];
  if (claimed) return { ok: true, attempt: { email, address, device: null, failures: claimed.failures } };
  const wait = await pool.query<{ retryAfter: number }>(
    `SELECT LEAST(GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("lockedUntil" - ${NOW})))), ${LOCK_SECONDS})::int
       AS "retryAfter"
     FROM "SignInFailure" WHERE "email" = $1`,
    [email],
  );
  // Past the hard stop the true wait is "until a reset"; the longest lock is what we say.
  return { ok: false, retryAfter: wait.rows[0]?.retryAfter ?? 1 };
}

/** The password was right: the counts start again and the address gets its hit back. */
export async function signInSucceeded(attempt: SignInAttempt, db?: Queryable): Promise<void> {
  const pool = db ?? (await rateLimitDb());
  // clearSignInFailures(), forgetWith() the device's key and refundWith() the address's, in one
  // statement: one round trip on every successful sign-in instead of three.
  await pool.query(
    `WITH failures AS (DELETE FROM "SignInFailure" WHERE "email" = $1),
       device AS (DELETE FROM "RateLimit" WHERE "key" = $2)
     UPDATE "RateLimit" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = $3 AND "resetAt" > ${NOW}`,
    [
      attempt.email,
      attempt.device ? deviceKey(attempt.device) : null,
      attempt.address ? addressKey(attempt.address) : null,
    ],
  );
}

/**
 * The password was wrong. When this failure starts the account's lock (or its hard stop),
 * pending address changes and confirmation links are voided, and the owner is mailed a
 * reset link that leaves any reset link they already asked for working.
 */
export async function signInFailed(attempt: SignInAttempt, context: SecurityContext): Promise<void> {
  if (attempt.failures !== LOCK_FROM && attempt.failures !== HARD_STOP) return;
  const user = await findUserForSignIn(attempt.email);
  if (!user?.passwordHash || user.disabledAt) return;
  const until = attempt.failures >= HARD_STOP ? null : new Date(Date.now() + LOCK_SECONDS * 1000);
  await prisma.$transaction(async (tx) => {
    await revokeTokens(user.id, ["change-email", "verify-email"], tx);
    const secret = await issueTokenIn(tx, {
      userId: user.id,
      email: user.email,
      purpose: "reset-password",
      ttlSeconds: env.RESET_PASSWORD_TOKEN_TTL,
      keepOlder: true,
    });
    await recordEventIn(
      tx,
      {
        kind: "lock.started",
        userId: user.id,
        context,
        actor: { type: "system" },
        details: { failures: attempt.failures, until: until?.toISOString() ?? "password reset" },
      },
      { to: user, data: { until, resetLink: tokenLink("/reset-password", secret) } },
    );
  });
}

/**
 * Un-counts an attempt whose password was never judged (the hashing pool was full): the
 * failure goes, and so does the wait it set, unless an earlier failure had set one.
 */
export async function signInAbandoned(attempt: SignInAttempt): Promise<void> {
  const pool = await rateLimitDb();
  if (attempt.device) await refundWith(pool, deviceKey(attempt.device));
  else {
    await pool.query(
      `UPDATE "SignInFailure"
       SET "failures" = GREATEST("failures" - 1, 0),
           "lockedUntil" = CASE WHEN "failures" - 1 < ${DELAY_FROM} THEN NULL ELSE "lockedUntil" END
       WHERE "email" = $1 AND "failures" = $2`,
      [attempt.email, attempt.failures],
    );
  }
  if (attempt.address) await refundWith(pool, addressKey(attempt.address));
}

/**
 * A sign-in that checks no password (a provider's callback) under the same per-address limit:
 * counted before anything is looked at, and given back by `refundAddressAttempt` on success.
 */
export async function claimAddressAttempt(address: string | null): Promise<RateResult> {
  if (!address) return { ok: true };
  return consumeWith(await rateLimitDb(), addressKey(address), addressRule());
}

export async function refundAddressAttempt(address: string | null): Promise<void> {
  if (address) await refundWith(await rateLimitDb(), addressKey(address));
}

/** Forgets an account's failures: after a successful sign-in or a password reset. */
export async function clearSignInFailures(email: string, db?: Queryable): Promise<void> {
  const pool = db ?? (await rateLimitDb());
  await pool.query(`DELETE FROM "SignInFailure" WHERE "email" = $1`, [email]);
}
