import "server-only";
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { hashPool } from "@/lib/auth/hash-pool";
import { prehash } from "@/lib/auth/password-prehash.mjs";
import { HashingBusyError } from "@/lib/auth/sign-in-errors";
import { env } from "@/lib/env";

// Both run in the worker pool (lib/auth/hash-pool.ts) and throw HashingBusyError when it is full.
// bcrypt gets the pre-hash (lib/auth/password-prehash.mjs says why), never the password.
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
