import "server-only";
import { changeCredentials } from "@/lib/auth/credential-change";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import type { SecurityContext } from "@/lib/request-context";

/** What /settings shows of a passkey; never its key or counter. */
export type PasskeySummary = { id: string; name: string; createdAt: Date; lastUsedAt: Date | null };

/** The account's passkeys, oldest first. */
export function listPasskeys(userId: string): Promise<PasskeySummary[]> {
  return db.passkey.findMany({
    where: { userId },
    select: { id: true, name: true, createdAt: true, lastUsedAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Renames one of the account's passkeys; false when it has none by that id. */
export async function renamePasskey(userId: string, passkeyId: string, name: string): Promise<boolean> {
  const { count } = await db.passkey.updateMany({ where: { id: passkeyId, userId }, data: { name } });
  return count > 0;
}

export type RemoveResult = { removed: string } | "not-found" | "last-way-in";

/**
 * Removes one of the account's passkeys, unless it is the account's last way to sign in: no
 * password, no provider account, no other passkey. The user row is locked while this is
 * decided, so two parallel removals cannot take the last two passkeys together. Every other
 * session ends with it: one opened by a copy of the passkey must not outlive its removal.
 */
export async function removePasskey(
  user: { id: string; email: string; name: string | null },
  passkeyId: string,
  keepSessionId: string,
  context: SecurityContext,
): Promise<RemoveResult> {
  const result = await db.$transaction(async (tx): Promise<RemoveResult> => {
    const [owner] = await tx.$queryRaw<{ hasPassword: boolean }[]>`
      SELECT "passwordHash" IS NOT NULL AS "hasPassword" FROM "User" WHERE "id" = ${user.id} FOR UPDATE`;
    const passkey = await tx.passkey.findFirst({
      where: { id: passkeyId, userId: user.id },
      select: { name: true },
    });
    if (!owner || !passkey) return "not-found";
    if (!owner.hasPassword) {
      const otherPasskeys = await tx.passkey.count({ where: { userId: user.id, id: { not: passkeyId } } });
      const providers = await tx.account.count({ where: { userId: user.id } });
      if (otherPasskeys === 0 && providers === 0) return "last-way-in";
    }
    await tx.passkey.deleteMany({ where: { id: passkeyId, userId: user.id } });
    await changeCredentials(tx, user.id, {}, { keepSessionId });
    return { removed: passkey.name };
  });
  if (typeof result === "object") {
    const name = result.removed;
    await recordEvent(
      { kind: "passkey.removed", userId: user.id, context, details: { name } },
      { to: user, data: { name } },
    );
  }
  return result;
}
