import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** What pages and APIs may know about the signed-in user; never the password hash. */
export const publicUserFields = {
  id: true,
  name: true,
  email: true,
  emailVerified: true,
  createdAt: true,
} satisfies Prisma.UserSelect;
export type PublicUser = Prisma.UserGetPayload<{ select: typeof publicUserFields }>;

export class EmailTakenError extends Error {
  constructor() {
    super("An account with this email already exists.");
  }
}

/** Creates a user; the unique index on the normalised email decides races. */
export async function createUser(data: { name: string; email: string; passwordHash: string }) {
  try {
    return await db.user.create({ data, select: publicUserFields });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new EmailTakenError();
    }
    throw error;
  }
}

const signInFields = {
  id: true,
  name: true,
  email: true,
  passwordHash: true,
  disabledAt: true,
  credentialVersion: true,
  // Read with the password's hash so that a sign-in need not come back for them.
  emailVerified: true,
  locale: true,
} satisfies Prisma.UserSelect;
/** What checking a password needs to know of an account; never sent to a page. */
export type SignInAccount = Prisma.UserGetPayload<{ select: typeof signInFields }>;

export function findUserForSignIn(email: string): Promise<SignInAccount | null> {
  return db.user.findUnique({ where: { email }, select: signInFields });
}

/** The same for a signed-in user, re-checking their password at a sensitive change. */
export function findSignInAccountById(id: string): Promise<SignInAccount | null> {
  return db.user.findUnique({ where: { id, disabledAt: null }, select: signInFields });
}

/** A stronger hash of the same password (not a change of credentials): only over `previous`. */
export async function replacePasswordHash(id: string, previous: string, passwordHash: string) {
  await db.user.updateMany({ where: { id, passwordHash: previous }, data: { passwordHash } });
}

export async function updateUserName(id: string, name: string): Promise<void> {
  await db.user.update({ where: { id }, data: { name } });
}

export async function isEmailTaken(email: string): Promise<boolean> {
  return (await db.user.count({ where: { email } })) > 0;
}

/**
 * Deletes a user and, in the same transaction, every row that refers to it: sessions,
 * accounts and emailed tokens go by their ON DELETE CASCADE foreign keys, and the
 * Auth.js verification tokens (keyed by address, not by user) are removed explicitly.
 * Returns false when there was no such user.
 */
export async function deleteUser(id: string, email: string): Promise<boolean> {
  return db.$transaction((tx) => deleteUserIn(tx, id, email));
}

/** The same, in the caller's transaction. */
export async function deleteUserIn(
  tx: Prisma.TransactionClient,
  id: string,
  email: string,
): Promise<boolean> {
  await tx.verificationToken.deleteMany({ where: { identifier: email } });
  const { count } = await tx.user.deleteMany({ where: { id } });
  return count > 0;
}
