import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/**
 * Locks the account's row for the rest of the caller's transaction. Every change of
 * credentials takes the account first and its links after, so two at once (a reset and an
 * email confirmation) wait for each other instead of deadlocking.
 */
export async function lockAccount(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
}

/**
 * Whether the account is enabled and still at `credentialVersion`, holding its row (FOR
 * SHARE) for the rest of the caller's transaction: a change of credentials in flight is
 * waited for, and then its new version seen. For what may exist only at one version: an
 * email-change link, a pending sign-in (a session does the same in its one statement,
 * lib/auth/sessions.ts createSession).
 */
export async function holdsCredentialVersion(tx: Tx, userId: string, credentialVersion: number) {
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM "User"
    WHERE "id" = ${userId} AND "credentialVersion" = ${credentialVersion} AND "disabledAt" IS NULL
    FOR SHARE`;
  return rows.length > 0;
}

/**
 * In the caller's transaction: the account's credentials change (a new password, a new
 * address). Bumps the credential version, so every session opened against the old one
 * ends, now or whenever it lands; keeps `keepSessionId` (the session making the change)
 * by moving it to the new version; and voids every outstanding emailed link (a pending address
 * move above all) and every personal access token, so nothing issued before the change
 * survives it.
 * With `expectedVersion`, changes nothing and returns false unless the version is still
 * that one: a compare-and-swap against a parallel change.
 */
export async function changeCredentials(
  tx: Tx,
  userId: string,
  data: Prisma.UserUpdateManyMutationInput,
  options: { expectedVersion?: number; keepSessionId?: string } = {},
): Promise<boolean> {
  const { expectedVersion, keepSessionId } = options;
  const updated = await tx.user.updateManyAndReturn({
    where: {
      id: userId,
      disabledAt: null,
      ...(expectedVersion === undefined ? {} : { credentialVersion: expectedVersion }),
    },
    data: { ...data, credentialVersion: { increment: 1 } },
    select: { credentialVersion: true },
  });
  const credentialVersion = updated[0]?.credentialVersion;
  if (credentialVersion === undefined) return false;
  await tx.session.deleteMany({
    where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
  });
  if (keepSessionId) {
    await tx.session.updateMany({ where: { id: keepSessionId, userId }, data: { credentialVersion } });
  }
  await tx.authToken.deleteMany({ where: { userId } });
  // A token made with a stolen session must not outlive the owner taking the account back.
  await tx.accessToken.deleteMany({ where: { userId } });
  return true;
}
