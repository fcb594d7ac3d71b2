import "server-only";
import { changeCredentials, lockAccount } from "@/lib/auth/credential-change";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProviderId } from "@/lib/providers/config";

/** A provider's person, as the callback proved them (lib/providers/profiles.ts). */
export type Identity = {
  provider: ProviderId;
  /** Auth.js's provider type: "oauth" or "oidc". */
  type: string;
  providerAccountId: string;
  /** Only an address the provider verified; null otherwise. */
  email: string | null;
  name: string | null;
};

const owner = {
  id: true,
  name: true,
  email: true,
  emailVerified: true,
  disabledAt: true,
  credentialVersion: true,
} satisfies Prisma.UserSelect;
export type IdentityOwner = Prisma.UserGetPayload<{ select: typeof owner }>;

const identityKey = ({ provider, providerAccountId }: Identity) => ({
  provider_providerAccountId: { provider, providerAccountId },
});

/** The account this identity signs in to, if one has it: (provider, providerAccountId) alone decides. */
export async function findIdentityOwner(identity: Identity): Promise<IdentityOwner | null> {
  const account = await db.account.findUnique({
    where: identityKey(identity),
    select: { user: { select: owner } },
  });
  return account?.user ?? null;
}

/** The account holding this address, with whether it was ever confirmed. */
export function findAccountByEmail(email: string) {
  return db.user.findUnique({ where: { email }, select: { id: true, emailVerified: true } });
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * A new account from a provider: its verified address (so confirmed), its name, no password,
 * and the identity connected. With `replacing`, the unconfirmed account that held the address
 * goes in the same transaction, only if it is still unconfirmed. Null when the address or the
 * identity was taken in the meantime (a parallel sign-in): the caller looks again.
 */
export async function createAccountFromIdentity(
  identity: Identity & { email: string },
  at: Date,
  replacing?: string,
): Promise<IdentityOwner | null> {
  try {
    return await db.$transaction(async (tx) => {
      if (replacing) {
        // Only an account nobody uses: unconfirmed, a plain user, no other way in, no session.
        const untouched = {
          emailVerified: null,
          role: "user",
          passkeys: { none: {} },
          accounts: { none: {} },
          sessions: { none: {} },
          totp: { is: null },
        };
        const { count } = await tx.user.deleteMany({ where: { id: replacing, ...untouched } });
        if (count === 0) throw new TakenMeanwhile(); // confirmed (or gone) since it was looked at
      }
      return tx.user.create({
        data: {
          email: identity.email,
          name: identity.name,
          emailVerified: at,
          accounts: {
            create: {
              type: identity.type,
              provider: identity.provider,
              providerAccountId: identity.providerAccountId,
            },
          },
        },
        select: owner,
      });
    });
  } catch (error) {
    if (error instanceof TakenMeanwhile || isUniqueViolation(error)) return null;
    throw error;
  }
}

class TakenMeanwhile extends Error {}

export type LinkResult = "connected" | "already-connected" | "belongs-to-another" | "provider-taken";

/**
 * Connects an identity to a signed-in account: never one that another account has, and at
 * most one per provider per account (the unique indexes decide races).
 */
export async function linkIdentity(userId: string, identity: Identity): Promise<LinkResult> {
  const holder = await db.account.findUnique({ where: identityKey(identity), select: { userId: true } });
  if (holder) return holder.userId === userId ? "already-connected" : "belongs-to-another";
  try {
    await db.account.create({
      data: {
        userId,
        type: identity.type,
        provider: identity.provider,
        providerAccountId: identity.providerAccountId,
      },
    });
    return "connected";
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const now = await db.account.findUnique({ where: identityKey(identity), select: { userId: true } });
    if (!now) return "provider-taken";
    return now.userId === userId ? "already-connected" : "belongs-to-another";
  }
}

/** The providers connected to an account, by id. */
export async function connectedProviders(userId: string): Promise<string[]> {
  const rows = await db.account.findMany({ where: { userId }, select: { provider: true } });
  return rows.map((row) => row.provider);
}

export type UnlinkResult = "disconnected" | "not-connected" | "last-way-in";

/**
 * Disconnects the account's identity at `provider`, unless it is the last way to sign in: no
 * password, no passkey, no other provider. The user row is locked while this is decided, so two
 * parallel removals (this and a passkey's) cannot take the last two ways in together. Every
 * other session ends with it, as with a removed passkey: one opened through the provider must
 * not outlive its disconnection.
 */
export async function unlinkIdentity(
  userId: string,
  provider: string,
  keepSessionId: string,
): Promise<UnlinkResult> {
  return db.$transaction(async (tx) => {
    await lockAccount(tx, userId);
    const account = await tx.user.findUnique({
      where: { id: userId },
      select: {
        passwordHash: true,
        _count: { select: { passkeys: true, accounts: { where: { provider: { not: provider } } } } },
        accounts: { where: { provider }, select: { id: true } },
      },
    });
    if (!account || account.accounts.length === 0) return "not-connected";
    const otherWays = account._count.passkeys + account._count.accounts;
    if (account.passwordHash === null && otherWays === 0) return "last-way-in";
    await tx.account.deleteMany({ where: { userId, provider } });
    await changeCredentials(tx, userId, {}, { keepSessionId });
    return "disconnected";
  });
}
