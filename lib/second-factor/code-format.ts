// What a typed second-factor code looks like, for the form in the browser and the server alike.

// Recovery codes: 16 characters of Crockford's base32 (no i, l, o or u), in groups of four.
export const RECOVERY_CODE_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
export const RECOVERY_CODE_LENGTH = 16;

/** Six digits (spaces forgiven) are an authenticator app's code: the digits, else null. */
export function appCode(typed: string): string | null {
  const digits = typed.replace(/\s+/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** A typed recovery code in canonical form (case, spaces, hyphens and look-alikes forgiven), or null. */
export function normaliseRecoveryCode(typed: string): string | null {
  const code = typed
    .toLowerCase()
    .replace(/[\s-]+/g, "")
    .replace(/[il]/g, "1")
    .replace(/o/g, "0");
  const valid =
    code.length === RECOVERY_CODE_LENGTH && [...code].every((c) => RECOVERY_CODE_ALPHABET.includes(c));
  return valid ? code : null;
}
