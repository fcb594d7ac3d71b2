import "server-only";
import { db } from "@/lib/db";

/** When each account last signed in (its latest "sign-in.succeeded" event), by user id. */
export async function lastSignIns(userIds: string[]): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.securityEvent.groupBy({
    by: ["userId"],
    where: { userId: { in: userIds }, kind: "sign-in.succeeded" },
    _max: { at: true },
  });
  return new Map(rows.flatMap((row) => (row.userId && row._max.at ? [[row.userId, row._max.at]] : [])));
}
