import "server-only";
import { holdsCredentialVersion } from "@/lib/auth/credential-change";
import type { SessionOwner, SignInProof } from "@/lib/auth/sessions";
import { MAX_TOKEN_LENGTH } from "@/lib/auth/token-length";
import { newTokenSecret, tokenDigest } from "@/lib/auth/token-secret";
import { safeCallbackUrl } from "@/lib/callback-url";
import { db } from "@/lib/db";

// "First factor proven, second factor still owed" (the Copenhagen Book's MFA flow): a
// short-lived, single-use state kept in PostgreSQL, so any app process can finish it, and
// bound to the browser that proved the first factor by a secret only its cookie holds. It is
// never a session: no session check reads this table, and its secret opens nothing else.

/** Long enough to open an authenticator app and type a code. */
export const PENDING_SIGN_IN_SECONDS = 5 * 60;

export type PendingSignIn = {
  userId: string;
  credentialVersion: number;
  proof: SignInProof;
  remember: boolean;
  callbackUrl: string;
};

/** Starts one; the secret goes into this browser's cookie (lib/auth/pending-sign-in-cookie.ts). */
export async function beginPendingSignIn(
  user: SessionOwner,
  { proof, remember, callbackUrl }: { proof: SignInProof; remember: boolean; callbackUrl: unknown },
): Promise<string> {
  const secret = newTokenSecret();
  const now = Date.now();
  await db.pendingSignIn.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
  await db.pendingSignIn.create({
    data: {
      secretDigest: tokenDigest(secret),
      userId: user.id,
      credentialVersion: user.credentialVersion,
      method: proof.method,
      factors: proof.factors,
      remember,
      callbackUrl: safeCallbackUrl(callbackUrl),
      expiresAt: new Date(now + PENDING_SIGN_IN_SECONDS * 1000),
    },
  });
  return secret;
}

/**
 * Looks at one without using it up, for the second step's page and its code check: whose it
 * is and where it goes next. Null when unknown, expired, or voided by a change of credentials
 * (so no code is spent on a sign-in that could not finish).
 */
export async function peekPendingSignIn(
  secret: string,
): Promise<{ userId: string; callbackUrl: string } | null> {
  if (!secret || secret.length > MAX_TOKEN_LENGTH) return null;
  const [live] = await db.$queryRaw<{ userId: string; callbackUrl: string }[]>`
    SELECT p."userId", p."callbackUrl" FROM "PendingSignIn" p JOIN "User" u ON u."id" = p."userId"
    WHERE p."secretDigest" = ${tokenDigest(secret)} AND p."expiresAt" > now()
      AND u."credentialVersion" = p."credentialVersion" AND u."disabledAt" IS NULL`;
  return live ?? null;
}

/**
 * Uses one up: one DELETE … RETURNING, so of parallel attempts exactly one gets it. Null
 * when unknown, used, expired, or when the account's credentials changed since the first
 * factor was proven (a reset in between voids it).
 */
export async function takePendingSignIn(secret: string): Promise<PendingSignIn | null> {
  if (!secret || secret.length > MAX_TOKEN_LENGTH) return null;
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      {
        userId: string;
        credentialVersion: number;
        method: string;
        factors: string[] | null;
        remember: boolean;
        callbackUrl: string;
        expiresAt: Date;
      }[]
    >`
      DELETE FROM "PendingSignIn" WHERE "secretDigest" = ${tokenDigest(secret)}
      RETURNING "userId", "credentialVersion", "method", "factors", "remember", "callbackUrl", "expiresAt"`;
    if (!row || row.expiresAt.getTime() <= Date.now()) return null;
    if (!(await holdsCredentialVersion(tx, row.userId, row.credentialVersion))) return null;
    return {
      userId: row.userId,
      credentialVersion: row.credentialVersion,
      proof: { method: row.method, factors: row.factors ?? [] },
      remember: row.remember,
      callbackUrl: row.callbackUrl,
    };
  });
}
