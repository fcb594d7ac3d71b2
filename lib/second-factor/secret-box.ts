import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// Authenticator-app secrets at rest: AES-256-GCM under a key derived (HKDF-SHA256) from
// SECOND_FACTOR_KEY, or from AUTH_SECRET when that is unset. A sealed value names the key
// that sealed it, so after a rotation the old key (in SECOND_FACTOR_PREVIOUS_KEYS) still
// opens it, and it is sealed again under the new one when next used. The account's id is
// bound in as associated data: a sealed secret copied onto another account does not open.

type Key = { id: string; key: Buffer };
const VERSION = "v1";

function deriveKey(material: string): Key {
  const key = Buffer.from(hkdfSync("sha256", material, "latchkey", "second-factor secrets", 32));
  // A short, non-secret fingerprint of the derived key, to find it again when opening.
  return { id: createHash("sha256").update(key).digest("base64url").slice(0, 8), key };
}

let keys: { current: Key; all: Key[] } | undefined;
function keyring() {
  if (keys) return keys;
  const material = env.SECOND_FACTOR_KEY ?? env.AUTH_SECRET;
  if (!material)
    throw new Error("AUTH_SECRET (or SECOND_FACTOR_KEY) is needed to seal second-factor secrets");
  const current = deriveKey(material);
  keys = { current, all: [current, ...env.SECOND_FACTOR_PREVIOUS_KEYS.map(deriveKey)] };
  return keys;
}

/** Seals `plaintext` for the account `userId`: "v1.<key id>.<iv>.<ciphertext+tag>", base64url. */
export function seal(plaintext: string, userId: string): string {
  const { current } = keyring();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv).setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, current.id, iv.toString("base64url"), body.toString("base64url")].join(".");
}

/**
 * Opens a sealed value of the account `userId`; `stale` when a previous key sealed it (seal
 * it again). Throws when no configured key opens it: a lost key is an operator's problem to
 * see in the logs, never a code that is silently "wrong".
 */
export function open(sealed: string, userId: string): { plaintext: string; stale: boolean } {
  const [version, keyId, iv, body] = sealed.split(".");
  const key = keyring().all.find((candidate) => candidate.id === keyId);
  if (version !== VERSION || !key || !iv || !body) {
    throw new Error("a second-factor secret was sealed with a key that is not configured");
  }
  const bytes = Buffer.from(body, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"))
    .setAAD(Buffer.from(userId))
    .setAuthTag(bytes.subarray(bytes.length - 16));
  const plaintext = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]);
  return { plaintext: plaintext.toString("utf8"), stale: key !== keyring().current };
}

/** For tests that change the keys in the environment. */
export function forgetKeys(): void {
  keys = undefined;
}
