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

export function findUserById(id: string): Promise<PublicUser | null> {
  return db.user.findUnique({ where: { id, disabledAt: null }, select: publicUserFields });
}

export function findUserForSignIn(email: string) {
  return db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, disabledAt: true },
  });
}

export async function updatePasswordHash(id: string, passwordHash: string) {
  await db.user.update({ where: { id }, data: { passwordHash } });
}
