import "server-only";
import type { AccountHolder } from "@/lib/account/change-password";
import { checkCurrentPassword, type PasswordRefusal } from "@/lib/account/current-password";
import { recordEvent } from "@/lib/events/record";
import type { SecurityContext } from "@/lib/request-context";
import { deleteUser } from "@/lib/users";

/** Deletes the account and everything that refers to it, after checking the password. */
export async function deleteAccount(
  user: AccountHolder,
  currentPassword: string,
  context: SecurityContext,
  sessionId?: string,
): Promise<"deleted" | PasswordRefusal> {
  const check = await checkCurrentPassword(user.id, currentPassword, context, sessionId);
  if ("refused" in check) return check;
  if (await deleteUser(user.id, user.email)) {
    await recordEvent({ kind: "account.deleted", userId: user.id, context }, { to: user, data: {} });
  }
  return "deleted";
}
