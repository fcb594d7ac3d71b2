import "server-only";
import { holdsCredentialVersion } from "@/lib/auth/credential-change";
import { MAX_TOKEN_LENGTH } from "@/lib/auth/token-length";
import { newTokenSecret, tokenDigest } from "@/lib/auth/token-secret";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueMail } from "@/lib/mail/outbox";
import type { MailMessage } from "@/lib/mail/send";

export type TokenPurpose = "verify-email" | "reset-password" | "change-email";

// Only the digest (lib/auth/token-secret.ts) is stored; the secret itself exists only in
// the emailed link.

type TokenRequest = {
  userId: string;
  email: string;
  purpose: TokenPurpose;
  ttlSeconds: number;
  /** A link the system sends unasked must not void the one the owner asked for. */
  keepOlder?: boolean;
};

/** The mail that carries a new token's link, written to the outbox in the token's transaction. */
export type LinkMail = (secret: string) => MailMessage | Promise<MailMessage>;

/** A new token in the caller's transaction (see issueToken), with its mail when given one. */
export async function issueTokenIn(
  tx: Prisma.TransactionClient,
  input: TokenRequest,
  mail?: LinkMail,
): Promise<string> {
  const secret = newTokenSecret();
  if (!input.keepOlder) {
    await tx.authToken.deleteMany({ where: { userId: input.userId, purpose: input.purpose } });
  }
  await tx.authToken.create({
    data: {
      userId: input.userId,
      email: input.email,
      purpose: input.purpose,
      tokenHash: tokenDigest(secret),
      expiresAt: new Date(Date.now() + input.ttlSeconds * 1000),
    },
  });
  if (mail) await enqueueMail(tx, await mail(secret));
  return secret;
}

/**
 * A new single-use token for a user and address. Older tokens of the same user and purpose
 * stop working, so only the latest link does (unless `keepOlder`). With `mail`, the link's
 * mail is committed with the token: no link without its mail, no mail without its link.
 */
export async function issueToken(input: TokenRequest, mail?: LinkMail): Promise<string> {
  return db.$transaction((tx) => issueTokenIn(tx, input, mail));
}

/**
 * The same, only while the account's credentials are those a password was just checked
 * against: a reset that lands while the request is handled voids every link, and this one
 * must not slip in after it. FOR SHARE waits for a change in flight, then sees its version.
 * Null when the credentials changed.
 */
export async function issueTokenAtVersion(
  input: TokenRequest,
  credentialVersion: number,
  mail?: LinkMail,
): Promise<string | null> {
  return db.$transaction(async (tx) =>
    (await holdsCredentialVersion(tx, input.userId, credentialVersion))
      ? issueTokenIn(tx, input, mail)
      : null,
  );
}

/** The account a usable (unexpired) token of this purpose belongs to, without using it up. */
export async function tokenOwner(secret: unknown, purpose: TokenPurpose): Promise<string | null> {
  if (typeof secret !== "string" || !secret || secret.length > MAX_TOKEN_LENGTH) return null;
  const row = await db.authToken.findUnique({
    where: { tokenHash: tokenDigest(secret) },
    select: { userId: true, purpose: true, expiresAt: true },
  });
  return row?.purpose === purpose && row.expiresAt.getTime() > Date.now() ? row.userId : null;
}

/**
 * Uses a token up: one DELETE … RETURNING, so of two parallel requests with the same secret
 * only one gets the row. Null when the token is unknown, used, expired or for another purpose.
 */
export async function consumeToken(
  secret: string,
  purpose: TokenPurpose,
  tx: Prisma.TransactionClient = db,
): Promise<{ userId: string; email: string } | null> {
  if (!secret || secret.length > MAX_TOKEN_LENGTH) return null;
  const rows = await tx.$queryRaw<{ userId: string; email: string; expiresAt: Date }[]>`
    DELETE FROM "AuthToken"
    WHERE "tokenHash" = ${tokenDigest(secret)} AND "purpose" = ${purpose}
    RETURNING "userId", "email", "expiresAt"`;
  const row = rows[0];
  if (!row || row.expiresAt.getTime() <= Date.now()) return null;
  return { userId: row.userId, email: row.email };
}

/** Invalidates a user's outstanding tokens: all of them, or those of the given purposes. */
export async function revokeTokens(
  userId: string,
  purposes?: TokenPurpose[],
  tx: Prisma.TransactionClient = db,
): Promise<void> {
  await tx.authToken.deleteMany({ where: { userId, ...(purposes ? { purpose: { in: purposes } } : {}) } });
}

/** At most one emailed link a minute per account and purpose, so no form can flood an inbox. */
export const RESEND_INTERVAL_MS = 60_000;

/** Whether a token of this purpose went out within RESEND_INTERVAL_MS. */
export async function issuedRecently(userId: string, purpose: TokenPurpose): Promise<boolean> {
  const row = await db.authToken.findFirst({
    where: { userId, purpose, createdAt: { gt: new Date(Date.now() - RESEND_INTERVAL_MS) } },
    select: { createdAt: true },
  });
  return row !== null;
}
