import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { hashPool } from "@/lib/auth/hash-pool";
import { HashingBusyError } from "@/lib/auth/sign-in-errors";
import { env } from "@/lib/env";

// bcrypt reads only the first 72 bytes, so two long passwords sharing a prefix would
// verify against each other's hash. Pre-hashing to 64 base64 characters (no NUL bytes)
// makes every code point count. The key separates our digests from any plain SHA-384
// list (no "hash shucking" with public unsalted hashes); it must never change.
const PREHASH_KEY = "latchkey/password-prehash/v1";

function prehash(password: string): string {
  return createHmac("sha384", PREHASH_KEY).update(password.normalize("NFKC"), "utf8").digest("base64");
}

// Both run in the worker pool (lib/auth/hash-pool.ts) and throw HashingBusyError when it is full.
export async function hashPassword(password: string, cost: number = env.BCRYPT_COST): Promise<string> {
  return String(await hashPool().run({ op: "hash", text: prehash(password), cost }));
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  return (await hashPool().run({ op: "compare", text: prehash(password), hash })) === true;
}

/**
 * Throws HashingBusyError when the pool would refuse a job now: lets a sign-in be refused
 * before it spends any database work on a password it cannot check.
 */
export function assertHashingCapacity(): void {
  const pool = hashPool();
  if (pool.full) throw new HashingBusyError(pool.retryAfter());
}

export function needsRehash(hash: string): boolean {
  try {
    return bcrypt.getRounds(hash) < env.BCRYPT_COST || !hash.startsWith("$2b$");
  } catch {
    return true;
  }
}

const cache = globalThis as unknown as { latchkeyDummyHash?: Promise<string> };

/**
 * Spends the same time as a real verification when there is no hash to check (unknown
 * email, no password set), so response times do not reveal which accounts exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  cache.latchkeyDummyHash ??= hashPassword(randomBytes(32).toString("base64")).catch((error: unknown) => {
    cache.latchkeyDummyHash = undefined; // a busy pool must not leave a failed promise cached
    throw error;
  });
  await verifyPassword(password, await cache.latchkeyDummyHash);
  return false;
}
