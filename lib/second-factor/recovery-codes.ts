import "server-only";
import { createHash, randomInt } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import {
  normaliseRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_LENGTH,
} from "@/lib/second-factor/code-format";

// Ten codes of 16 characters (lib/second-factor/code-format.ts): 80 bits each. Only a digest
// salted with the account's id is stored.
export const RECOVERY_CODE_COUNT = 10;

function newCode(): string {
  const alphabet = RECOVERY_CODE_ALPHABET;
  const chars = Array.from({ length: RECOVERY_CODE_LENGTH }, () => alphabet[randomInt(alphabet.length)]);
  return chars.join("").replace(/(.{4})(?!$)/g, "$1-");
}

const digest = (userId: string, code: string) =>
  createHash("sha256").update(`${userId}:${code}`).digest("base64url");

/** In the caller's transaction: a new set replaces the old one, which stops working. Returns the codes. */
export async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((code) => ({ userId, codeDigest: digest(userId, code.replace(/-/g, "")) })),
  });
  return codes;
}

/**
 * Uses one code up: one DELETE … RETURNING, so of parallel uses exactly one succeeds.
 * Returns how many codes are left, or null when the code is not one of the account's.
 */
export async function spendRecoveryCode(userId: string, typed: string): Promise<number | null> {
  const code = normaliseRecoveryCode(typed);
  if (!code) return null;
  const used = await db.$queryRaw<unknown[]>`
    DELETE FROM "RecoveryCode" WHERE "userId" = ${userId} AND "codeDigest" = ${digest(userId, code)}
    RETURNING 1`;
  if (used.length === 0) return null;
  return recoveryCodesLeft(userId);
}

export const recoveryCodesLeft = (userId: string) => db.recoveryCode.count({ where: { userId } });
