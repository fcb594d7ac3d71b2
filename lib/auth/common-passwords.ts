import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

/** How many of the ranked list are refused (OWASP ASVS 5.0 §6.2.4 asks for the top 3,000 at least). */
export const COMMON_PASSWORD_COUNT = 10_000;

// Server only: the list is ~500 KB of JavaScript, which the browser never loads.
let common: Set<string> | undefined;

/** True for one of the 10,000 most common passwords, in any letter case or normal form. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].slice(0, COMMON_PASSWORD_COUNT));
  return common.has(password.normalize("NFKC").toLowerCase());
}
