import "server-only";
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { findUserForSignIn, updatePasswordHash } from "@/lib/users";

export type VerifiedUser = { id: string; name: string | null; email: string };

/**
 * The user whose normalised email and password these are, or null. Every path that
 * returns null spends one bcrypt comparison, so timing does not reveal accounts.
 */
export async function verifyCredentials(email: string, password: string): Promise<VerifiedUser | null> {
  const user = await findUserForSignIn(email);
  if (!user?.passwordHash) return verifyAgainstDummy(password).then(() => null);
  if (!(await verifyPassword(password, user.passwordHash)) || user.disabledAt) return null;
  if (needsRehash(user.passwordHash)) {
    await updatePasswordHash(user.id, await hashPassword(password));
  }
  return { id: user.id, name: user.name, email: user.email };
}
