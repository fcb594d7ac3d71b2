import "server-only";
import type { AccountHolder } from "@/lib/account/change-password";
import { checkCurrentPassword, type PasswordRefusal } from "@/lib/account/current-password";
import { activeAdminsHeld } from "@/lib/admin/guard";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import type { SecurityContext } from "@/lib/request-context";
import { deleteUserIn } from "@/lib/users";

/** Deletes the account and everything that refers to it, after checking the password. */
export async function deleteAccount(
  user: AccountHolder,
  currentPassword: string,
  context: SecurityContext,
  sessionId?: string,
): Promise<"deleted" | "last-admin" | PasswordRefusal> {
  const check = await checkCurrentPassword(user.id, currentPassword, context, sessionId);
  if ("refused" in check) return check;
  // Read before the account goes: its farewell is written in its language.
  const { locale } = (await db.user.findUnique({ where: { id: user.id }, select: { locale: true } })) ?? {};
  const deleted = await db.$transaction(async (tx) => {
    // The console must keep an admin: decided with the admins' rows held, like a demotion.
    const admins = await activeAdminsHeld(tx);
    if (admins.length === 1 && admins[0] === user.id) return "last-admin" as const;
    return deleteUserIn(tx, user.id, user.email);
  });
  if (deleted === "last-admin") return deleted;
  if (deleted)
    await recordEvent(
      { kind: "account.deleted", userId: user.id, context },
      { to: { ...user, locale: locale ?? null }, data: {} },
    );
  return "deleted";
}
