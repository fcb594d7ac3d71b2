import "server-only";
import { ADMIN_ROLES } from "@/lib/admin/guard";
import { db } from "@/lib/db";

export type Overview = {
  users: number;
  locked: number;
  unconfirmed: number;
  admins: number;
  eventsToday: number;
};

/** The counts /admin opens with. */
export async function overview(now = Date.now()): Promise<Overview> {
  const [users, locked, unconfirmed, admins, eventsToday] = await Promise.all([
    db.user.count(),
    db.user.count({ where: { disabledAt: { not: null } } }),
    db.user.count({ where: { disabledAt: null, emailVerified: null } }),
    db.user.count({ where: { disabledAt: null, role: { in: ADMIN_ROLES } } }),
    db.securityEvent.count({ where: { at: { gt: new Date(now - 86_400_000) } } }),
  ]);
  return { users, locked, unconfirmed, admins, eventsToday };
}
