// The password pre-hash before bcrypt: plain JavaScript, so that lib/auth/password.ts and
// bench/run.mjs (which seeds hashes the app must verify, and runs without TypeScript) share it.
import { createHmac } from "node:crypto";

// bcrypt reads only the first 72 bytes, so two long passwords sharing a prefix would
// verify against each other's hash. Pre-hashing to 64 base64 characters (no NUL bytes)
// makes every code point count. The key separates our digests from any plain SHA-384
// list (no "hash shucking" with public unsalted hashes); it must never change.
const PREHASH_KEY = "latchkey/password-prehash/v1";

/** @param {string} password @returns {string} */
export function prehash(password) {
  return createHmac("sha384", PREHASH_KEY).update(password.normalize("NFKC"), "utf8").digest("base64");
}
