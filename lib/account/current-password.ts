import "server-only";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { findPasswordHash } from "@/lib/users";

/**
 * Re-checks the signed-in user's password at the moment of a sensitive change, whatever
 * the session's age. A user without a password spends the same bcrypt time and fails.
 */
export async function checkCurrentPassword(userId: string, password: string): Promise<boolean> {
  const hash = await findPasswordHash(userId);
  if (!hash) return verifyAgainstDummy(password);
  return verifyPassword(password, hash);
}
