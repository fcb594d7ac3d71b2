import "server-only";
import { lastSignIns } from "@/lib/admin/last-sign-in";
import { userStatus, type UserStatus } from "@/lib/admin/user-status";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export const USERS_PER_PAGE = 25;

export type UserRow = {
  id: string;
  name: string | null;
  email: string;
  status: UserStatus;
  role: string;
  twoFactor: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
};

export type UserPage = { rows: UserRow[]; total: number; page: number; pageCount: number };

/** `text` matched literally by LIKE: its own `%`, `_` and escape character are not wildcards. */
export const likePattern = (text: string) => `%${text.replace(/[!%_]/g, "!$&")}%`;

/**
 * Accounts whose email or name contains `query`, ignoring case (every account without one),
 * newest first, a page at a time.
 */
export async function searchUsers(
  { query, page }: { query?: string; page: number },
  perPage = USERS_PER_PAGE,
): Promise<UserPage> {
  const pattern = query ? likePattern(query) : null;
  const where = pattern
    ? Prisma.sql`WHERE "email" ILIKE ${pattern} ESCAPE '!' OR "name" ILIKE ${pattern} ESCAPE '!'`
    : Prisma.empty;
  const counted = await db.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS "total" FROM "User" ${where}`;
  const total = counted[0]?.total ?? 0;
  const found = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" ${where}
    ORDER BY "createdAt" DESC, "id" DESC LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`;
  const ids = found.map((row) => row.id);
  const [users, signIns] = await Promise.all([
    db.user.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        name: true,
        email: true,
        emailVerified: true,
        disabledAt: true,
        role: true,
        createdAt: true,
        totp: { select: { enabledAt: true } },
      },
    }),
    lastSignIns(ids),
  ]);
  const byId = new Map(users.map((user) => [user.id, user]));
  const rows = ids.flatMap((id) => {
    const user = byId.get(id);
    if (!user) return []; // deleted in between
    return [
      {
        id,
        name: user.name,
        email: user.email,
        status: userStatus(user),
        role: user.role,
        twoFactor: Boolean(user.totp?.enabledAt),
        createdAt: user.createdAt,
        lastSignInAt: signIns.get(id) ?? null,
      },
    ];
  });
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / perPage)) };
}
