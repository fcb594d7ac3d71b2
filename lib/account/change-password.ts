import "server-only";
import { checkCurrentPassword } from "@/lib/account/current-password";
import { hashPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { revokeTokens } from "@/lib/auth/tokens";
import { queueMail } from "@/lib/mail/send";
import { passwordChangedMail } from "@/lib/mail/templates";
import type { SecurityContext } from "@/lib/request-context";
import { updatePasswordHash } from "@/lib/users";

export type AccountHolder = { id: string; name: string | null; email: string };

/**
 * Sets a new password after checking the current one, then ends every other session (the
 * one making the change stays), voids outstanding reset links and notifies the user.
 */
export async function changePassword(
  user: AccountHolder,
  keepSessionId: string,
  passwords: { currentPassword: string; newPassword: string },
  context: SecurityContext,
): Promise<"changed" | "wrong-password"> {
  if (!(await checkCurrentPassword(user.id, passwords.currentPassword))) return "wrong-password";
  await updatePasswordHash(user.id, await hashPassword(passwords.newPassword));
  await revokeUserSessions(user.id, keepSessionId);
  await revokeTokens(user.id, "reset-password");
  queueMail(passwordChangedMail(user.email, { name: user.name, context }));
  return "changed";
}
