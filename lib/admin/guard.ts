import "server-only";
import { can, ROLES, type Permission } from "@/lib/admin/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** The admin doing something: their user id, and the session they do it from. */
export type AdminActor = { id: string; sessionId?: string };

/** Why a guarded change to an account was refused before anything changed. */
export type GuardRefusal = "not-found" | "self" | "not-permitted" | "last-admin";

/** Roles that can manage roles: while one active account holds one, the console has an admin. */
export const ADMIN_ROLES: string[] = ROLES.filter((role) => can(role, "roles:manage"));

export type HeldTarget = {
  id: string;
  name: string | null;
  email: string;
  role: string;
  disabledAt: Date | null;
  /** The account's saved language, for its notice. */
  locale: string | null;
};

/** In the caller's transaction: the active admins' ids, their rows locked in id order. */
export async function activeAdminsHeld(tx: Tx): Promise<string[]> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User"
    WHERE "role" = ANY(${ADMIN_ROLES}::text[]) AND "disabledAt" IS NULL
    ORDER BY "id" FOR UPDATE`;
  return admins.map((admin) => admin.id);
}

/**
 * In the caller's transaction: locks every active admin's row (in id order, so two guarded
 * changes at once wait for each other instead of deadlocking), then the target's, and checks
 * that the actor still holds `permission` as the database has it now, after any parallel
 * demotion committed. Returns the target and the active admins' ids, as locked.
 */
export async function holdAdmins(
  tx: Tx,
  actor: AdminActor,
  targetId: string,
  permission: Permission,
): Promise<{ target: HeldTarget; admins: string[] } | GuardRefusal> {
  const admins = await activeAdminsHeld(tx);
  const [target] = await tx.$queryRaw<HeldTarget[]>`
    SELECT "id", "name", "email", "role", "disabledAt", "locale" FROM "User" WHERE "id" = ${targetId} FOR UPDATE`;
  if (!target) return "not-found";
  const [self] = await tx.$queryRaw<{ role: string; disabledAt: Date | null }[]>`
    SELECT "role", "disabledAt" FROM "User" WHERE "id" = ${actor.id} FOR SHARE`;
  if (!self || self.disabledAt || !can(self.role, permission)) return "not-permitted";
  return { target, admins };
}

/** Whether taking `target`'s admin role away (a demotion, a lock) leaves no active admin. */
export function isLastAdmin(target: HeldTarget, admins: string[]): boolean {
  return admins.includes(target.id) && admins.length <= 1;
}
