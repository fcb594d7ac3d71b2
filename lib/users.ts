import "server-only";
import { db } from "@/lib/db";
import { database } from "@/lib/db/connection";
import type { EventKind } from "@/lib/events/kinds";
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

/** What checking a password needs to know of an account; never sent to a page. */
export type SignInAccount = {
  id: string;
  name: string | null;
  email: string;
  passwordHash: string | null;
  disabledAt: Date | null;
  credentialVersion: number;
  // Read with the password's hash so that a sign-in need not come back for them:
  emailVerified: Date | null;
  locale: string | null;
  /** Whether a second factor is owed after the password (an authenticator app is on). */
  twoFactor: boolean;
  /** Whether the account ever signed in (its first sign-in tells the owner of no new browser). */
  signedInBefore: boolean;
};

/**
 * Through the pool rather than Prisma: every sign-in attempt reads it. The timestamps are
 * read as UTC (Prisma writes them so), since pg would take a bare timestamp for local time.
 */
async function findSignInAccount(where: string, value: string): Promise<SignInAccount | null> {
  const { pool } = await database();
  const { rows } = await pool.query<SignInAccount>(
    `SELECT u."id", u."name", u."email", u."passwordHash", u."credentialVersion", u."locale",
      u."disabledAt" AT TIME ZONE 'UTC' AS "disabledAt",
      u."emailVerified" AT TIME ZONE 'UTC' AS "emailVerified",
      EXISTS (SELECT 1 FROM "TotpCredential" t WHERE t."userId" = u."id" AND t."enabledAt" IS NOT NULL)
        AS "twoFactor",
      EXISTS (SELECT 1 FROM "SecurityEvent" e WHERE e."userId" = u."id" AND e."kind" = $2)
        AS "signedInBefore"
    FROM "User" u WHERE ${where}`,
    [value, SIGNED_IN],
  );
  return rows[0] ?? null;
}
const SIGNED_IN: EventKind = "sign-in.succeeded";

export function findUserForSignIn(email: string): Promise<SignInAccount | null> {
  return findSignInAccount(`u."email" = $1`, email);
}

/** The same for a signed-in user, re-checking their password at a sensitive change. */
export function findSignInAccountById(id: string): Promise<SignInAccount | null> {
  return findSignInAccount(`u."id" = $1 AND u."disabledAt" IS NULL`, id);
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
