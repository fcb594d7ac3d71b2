import "server-only";
import { checkCurrentPassword, type PasswordRefusal } from "@/lib/account/current-password";
import { changeCredentials } from "@/lib/auth/credential-change";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import type { SecurityContext } from "@/lib/request-context";

export type AccountHolder = { id: string; name: string | null; email: string };

/**
 * Sets a new password after checking the current one. In one transaction, and only if no
 * other change of credentials came first (compare-and-swap on the credential version): the
 * new hash, the end of every other session (the one making the change stays) and of every
 * emailed link. Then the user is notified.
 */
export async function changePassword(
  user: AccountHolder,
  keepSessionId: string,
  passwords: { currentPassword: string; newPassword: string },
  context: SecurityContext,
): Promise<"changed" | "conflict" | PasswordRefusal> {
  const check = await checkCurrentPassword(user.id, passwords.currentPassword, context);
  if ("refused" in check) return check;
  const passwordHash = await hashPassword(passwords.newPassword);
  const changed = await db.$transaction((tx) =>
    changeCredentials(
      tx,
      user.id,
      { passwordHash },
      { expectedVersion: check.credentialVersion, keepSessionId },
    ),
  );
  if (!changed) return "conflict";
  await recordEvent({ kind: "password.changed", userId: user.id, context }, { to: user, data: {} });
  return "changed";
}
