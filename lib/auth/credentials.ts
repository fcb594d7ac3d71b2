import "server-only";
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { findUserForSignIn, replacePasswordHash } from "@/lib/users";

export type VerifiedUser = { id: string; name: string | null; email: string; credentialVersion: number };

/**
 * The user whose normalised email and password these are, or null. Every path that
 * returns null spends one bcrypt comparison, so timing does not reveal accounts.
 */
export async function verifyCredentials(email: string, password: string): Promise<VerifiedUser | null> {
  const user = await findUserForSignIn(email);
  if (!user?.passwordHash) return verifyAgainstDummy(password).then(() => null);
  if (!(await verifyPassword(password, user.passwordHash)) || user.disabledAt) return null;
  if (needsRehash(user.passwordHash)) {
    // Only if the hash is still the one just checked: a parallel change must not be undone.
    await replacePasswordHash(user.id, user.passwordHash, await hashPassword(password));
  }
  return { id: user.id, name: user.name, email: user.email, credentialVersion: user.credentialVersion };
}
