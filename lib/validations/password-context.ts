// Without zod: the strength meter (lib/validations/password-strength.ts) loads with the page,
// while the form schemas that also use these load only when a form is first used.

/** Length in Unicode code points, as people count characters. */
export const codePoints = (value: string) => [...value.normalize("NFKC")].length;

const fold = (value: string) => value.normalize("NFKC").toLowerCase();

/**
 * The words a password may not contain: "latchkey", the email, its local part and the
 * name, whole (3 characters or more), and each word of 4 characters or more in the name
 * and the local part.
 * Containment, not equality: "ada.lovelace2024!" is as guessable as "ada.lovelace".
 */
export function contextWords(
  values: readonly (string | null | undefined)[],
  { product = true }: { product?: boolean } = {},
): string[] {
  const words = new Set(product ? ["latchkey"] : []);
  for (const raw of values) {
    if (!raw) continue;
    const value = fold(raw.trim());
    // An email counts whole and by its local part; its domain is nobody's secret anyway.
    const at = value.lastIndexOf("@");
    const local = at > 0 ? value.slice(0, at) : value;
    for (const whole of new Set([value, local])) if (codePoints(whole) >= 3) words.add(whole);
    for (const part of local.split(/[^\p{L}\p{N}]+/u)) if (codePoints(part) >= 4) words.add(part);
  }
  return [...words];
}

/** True when the password contains one of the context words, ignoring case and normal form. */
export function containsContextWord(password: string, words: readonly string[]): boolean {
  const folded = fold(password);
  return words.some((word) => folded.includes(word));
}
