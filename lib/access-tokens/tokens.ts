import "server-only";
import { randomBytes } from "node:crypto";
import { tokenDigest } from "@/lib/auth/token-secret";
import { db } from "@/lib/db";
import { publicUserFields, type PublicUser } from "@/lib/users";

// Personal access tokens: "lk_" and 256 random bits, so secret scanners (GitHub's among them)
// can match the prefix. Only the SHA-256 digest is stored: the token has all the entropy a
// slow hash would add, and every API request checks one.

export const TOKEN_PREFIX = "lk_";
/** Room for a script per machine, not for a leak to go unnoticed in a long list. */
export const MAX_TOKENS = 50;
// lastUsedAt is written at most this often, so a busy script is not a write per request.
const TOUCH_INTERVAL_MS = 60_000;

export type AccessTokenSummary = {
  id: string;
  name: string;
  hint: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
};

const summaryFields = {
  id: true,
  name: true,
  hint: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
};

/** A new token for `userId`; the secret is returned once, to be shown once, and never stored. */
export async function createAccessToken(
  userId: string,
  { name, days }: { name: string; days: number | null },
): Promise<{ secret: string; token: AccessTokenSummary } | "too-many"> {
  if ((await db.accessToken.count({ where: { userId } })) >= MAX_TOKENS) return "too-many";
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const token = await db.accessToken.create({
    data: {
      userId,
      name,
      tokenDigest: tokenDigest(secret),
      hint: secret.slice(0, TOKEN_PREFIX.length + 4),
      expiresAt: days === null ? null : new Date(Date.now() + days * 86_400_000),
    },
    select: summaryFields,
  });
  return { secret, token };
}

/** The user's tokens, newest first, expired ones included (and marked). */
export async function listAccessTokens(
  userId: string,
): Promise<(AccessTokenSummary & { expired: boolean })[]> {
  const tokens = await db.accessToken.findMany({
    where: { userId },
    select: summaryFields,
    orderBy: { createdAt: "desc" },
  });
  const now = Date.now();
  return tokens.map((token) => ({
    ...token,
    expired: token.expiresAt !== null && token.expiresAt.getTime() <= now,
  }));
}

/** Revokes one of the user's tokens; its name, or null when the user has none by that id. */
export async function revokeAccessToken(userId: string, id: string): Promise<string | null> {
  const [row] = await db.$queryRaw<{ name: string }[]>`
    DELETE FROM "AccessToken" WHERE "id" = ${id} AND "userId" = ${userId} RETURNING "name"`;
  return row?.name ?? null;
}

/**
 * The enabled user a bearer token belongs to, while it is live; null for anything else. A token
 * of the right shape costs one indexed lookup; anything else costs nothing.
 */
export async function userForAccessToken(secret: string): Promise<PublicUser | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 100) return null;
  const row = await db.accessToken.findUnique({
    where: { tokenDigest: tokenDigest(secret) },
    select: {
      id: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { ...publicUserFields, disabledAt: true } },
    },
  });
  const now = Date.now();
  if (!row || row.user.disabledAt || (row.expiresAt && row.expiresAt.getTime() <= now)) return null;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.accessToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  const { disabledAt: _disabled, ...user } = row.user;
  return user;
}
