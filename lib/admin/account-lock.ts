import "server-only";
import { holdAdmins, isLastAdmin, type AdminActor, type GuardRefusal } from "@/lib/admin/guard";
import { changeCredentials } from "@/lib/auth/credential-change";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SecurityContext } from "@/lib/request-context";

/**
 * Every way into the account that is already open ends, in the caller's transaction: its
 * sessions, its pending sign-ins and emailed links (a change of credentials voids them all).
 */
async function closeEveryWayIn(tx: Prisma.TransactionClient, userId: string, lockedAt: Date) {
  const sessions = await tx.session.count({ where: { userId } });
  await changeCredentials(tx, userId, { disabledAt: lockedAt });
  return sessions;
}

export type LockResult = "locked" | "already-locked" | GuardRefusal;

/**
 * Locks an account: no way in works any more (every sign-in checks `disabledAt`, and so does
 * every session on its next request), and everything already open ends at once. An admin
 * cannot lock themselves, nor the last active admin: decided with the admins' rows locked.
 */
export async function lockUser(
  actor: AdminActor,
  userId: string,
  context: SecurityContext,
): Promise<LockResult> {
  if (actor.id === userId) return "self";
  const result = await db.$transaction(async (tx) => {
    const held = await holdAdmins(tx, actor, userId, "users:manage");
    if (typeof held === "string") return held;
    const { target, admins } = held;
    if (target.disabledAt) return "already-locked" as const;
    if (isLastAdmin(target, admins)) return "last-admin" as const;
    return { target, sessions: await closeEveryWayIn(tx, userId, context.at) };
  });
  if (typeof result === "string") return result;
  const { target, sessions } = result;
  await recordEvent(
    {
      kind: "account.locked",
      userId,
      context,
      actor: { type: "admin", id: actor.id },
      details: { sessions },
    },
    { to: target, data: {} },
  );
  return "locked";
}

export type UnlockResult = "unlocked" | "not-locked" | "not-found";

/** Unlocks an account: its password, passkeys and providers sign in again. */
export async function unlockUser(
  actor: AdminActor,
  userId: string,
  context: SecurityContext,
): Promise<UnlockResult> {
  const [target] = await db.user.updateManyAndReturn({
    where: { id: userId, disabledAt: { not: null } },
    data: { disabledAt: null },
    select: { email: true, name: true, locale: true },
  });
  if (!target) return (await db.user.count({ where: { id: userId } })) > 0 ? "not-locked" : "not-found";
  await recordEvent(
    { kind: "account.unlocked", userId, context, actor: { type: "admin", id: actor.id } },
    { to: target, data: {} },
  );
  return "unlocked";
}
