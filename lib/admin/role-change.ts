import "server-only";
import { ADMIN_ROLES, holdAdmins, isLastAdmin, type AdminActor, type GuardRefusal } from "@/lib/admin/guard";
import type { Role } from "@/lib/admin/permissions";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import type { SecurityContext } from "@/lib/request-context";

export type RoleResult = "changed" | "unchanged" | GuardRefusal;

/**
 * Gives an account another role; it counts from the account's next request, as every
 * permission is read from the database. An admin cannot change their own role, and the last
 * active admin cannot be demoted: the check and the change happen in one transaction that
 * holds every admin's row, so two admins demoting each other at once leave one of them.
 */
export async function changeRole(
  actor: AdminActor,
  userId: string,
  role: Role,
  context: SecurityContext,
): Promise<RoleResult> {
  if (actor.id === userId) return "self";
  const result = await db.$transaction(async (tx) => {
    const held = await holdAdmins(tx, actor, userId, "roles:manage");
    if (typeof held === "string") return held;
    const { target, admins } = held;
    if (target.role === role) return "unchanged" as const;
    if (!ADMIN_ROLES.includes(role) && isLastAdmin(target, admins)) return "last-admin" as const;
    await tx.user.update({ where: { id: userId }, data: { role } });
    return target;
  });
  if (typeof result === "string") return result;
  await recordEvent(
    {
      kind: "role.changed",
      userId,
      context,
      actor: { type: "admin", id: actor.id },
      details: { from: result.role, to: role },
    },
    { to: result, data: { role } },
  );
  return "changed";
}
