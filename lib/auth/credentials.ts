import "server-only";
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { findUserForSignIn, replacePasswordHash, type SignInAccount } from "@/lib/users";

export type VerifiedUser = {
  id: string;
  name: string | null;
  email: string;
  credentialVersion: number;
  /** Known when read with the password's check (lib/users.ts findUserForSignIn); else read when needed. */
  emailVerifiedAt?: Date | null;
  locale?: string | null;
  twoFactor?: boolean;
  signedInBefore?: boolean;
};

/**
 * The account, when this is its password and it is enabled; else null. Every path that
 * returns null spends one bcrypt comparison, so timing does not reveal accounts.
 */
export async function verifyAgainst(
  account: SignInAccount | null,
  password: string,
): Promise<VerifiedUser | null> {
  if (!account?.passwordHash) return verifyAgainstDummy(password).then(() => null);
  if (!(await verifyPassword(password, account.passwordHash)) || account.disabledAt) return null;
  if (needsRehash(account.passwordHash)) {
    // Only if the hash is still the one just checked: a parallel change must not be undone.
    await replacePasswordHash(account.id, account.passwordHash, await hashPassword(password));
  }
  const { id, name, email, credentialVersion, emailVerified, locale, twoFactor, signedInBefore } = account;
  return {
    id,
    name,
    email,
    credentialVersion,
    emailVerifiedAt: emailVerified,
    locale,
    twoFactor,
    signedInBefore,
  };
}

/** The user whose normalised email and password these are, or null. */
export async function verifyCredentials(email: string, password: string): Promise<VerifiedUser | null> {
  return verifyAgainst(await findUserForSignIn(email), password);
}
