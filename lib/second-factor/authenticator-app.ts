import "server-only";
import { db } from "@/lib/db";
import { recoveryCodesLeft } from "@/lib/second-factor/recovery-codes";
import { open, seal } from "@/lib/second-factor/secret-box";
import { matchingStep, newTotpSecret } from "@/lib/second-factor/totp";

// The account's authenticator app: a sealed secret, on once a first code confirmed it.

/** How long a set-up waits for its first code before it must start again. */
export const SETUP_SECONDS = 15 * 60;

export async function hasTwoFactor(userId: string): Promise<boolean> {
  return (await db.totpCredential.count({ where: { userId, enabledAt: { not: null } } })) > 0;
}

export type TwoFactorStatus = { enabled: boolean; recoveryCodesLeft: number; setup: TotpSetup | null };

/** What /settings shows: on or off, the recovery codes left, and a set-up waiting for its code. */
export async function twoFactorStatus(userId: string): Promise<TwoFactorStatus> {
  const enabled = await hasTwoFactor(userId);
  if (!enabled) return { enabled, recoveryCodesLeft: 0, setup: await pendingTotpSetup(userId) };
  return { enabled, recoveryCodesLeft: await recoveryCodesLeft(userId), setup: null };
}

/**
 * Starts (or starts again) setting up an app: a fresh secret each time, sealed, replacing
 * any earlier set-up that was never confirmed. Null when the account already has one on.
 */
export async function beginTotpSetup(userId: string): Promise<string | null> {
  const secret = newTotpSecret();
  const sealed = seal(secret, userId);
  // One statement: it cannot overwrite an app that a parallel request has just switched on.
  const rows = await db.$queryRaw<unknown[]>`
    INSERT INTO "TotpCredential" ("userId", "secret", "createdAt") VALUES (${userId}, ${sealed}, now())
    ON CONFLICT ("userId") DO UPDATE SET "secret" = EXCLUDED."secret", "createdAt" = now(), "lastUsedStep" = NULL
    WHERE "TotpCredential"."enabledAt" IS NULL
    RETURNING 1`;
  return rows.length > 0 ? secret : null;
}

export type TotpSetup = { secret: string; sealed: string };

/** The set-up waiting for its first code, while it is fresh. */
export async function pendingTotpSetup(userId: string): Promise<TotpSetup | null> {
  const row = await db.totpCredential.findFirst({
    where: { userId, enabledAt: null, createdAt: { gt: new Date(Date.now() - SETUP_SECONDS * 1000) } },
    select: { secret: true },
  });
  return row ? { secret: open(row.secret, userId).plaintext, sealed: row.secret } : null;
}

/**
 * Accepts a code from the account's app once: the code's step is claimed with one guarded
 * UPDATE (only past the last step accepted), so of two parallel submissions of one code
 * exactly one succeeds, and a code seen once is refused ever after.
 */
export async function acceptTotpCode(userId: string, code: string): Promise<boolean> {
  const row = await db.totpCredential.findFirst({
    where: { userId, enabledAt: { not: null } },
    select: { secret: true, lastUsedStep: true },
  });
  if (!row) return false;
  const { plaintext, stale } = open(row.secret, userId);
  const step = await matchingStep(plaintext, code, { afterStep: row.lastUsedStep });
  if (step === null) return false;
  const claimed = await claimTotpStep(userId, step);
  // Sealed by a key being rotated out: sealed again under the current one.
  if (claimed && stale) {
    await db.totpCredential.updateMany({
      where: { userId, secret: row.secret },
      data: { secret: seal(plaintext, userId) },
    });
  }
  return claimed;
}

/** Marks `step` used, only past the last step used: true for exactly one of parallel claims. */
export async function claimTotpStep(userId: string, step: number): Promise<boolean> {
  const claimed = await db.$executeRaw`
    UPDATE "TotpCredential" SET "lastUsedStep" = ${step}
    WHERE "userId" = ${userId} AND "enabledAt" IS NOT NULL
      AND ("lastUsedStep" IS NULL OR "lastUsedStep" < ${step})`;
  return claimed > 0;
}
