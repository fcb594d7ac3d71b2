import { message } from "@/lib/i18n/message";
import { codePoints, containsContextWord, contextWords } from "@/lib/validations/password-context";

/** `label` is a message (lib/i18n/message.ts), "" while nothing is typed. */
export type PasswordStrength = { score: 0 | 1 | 2 | 3 | 4; label: string };

/**
 * A quick guide for the person typing, not a gate (the policy decides): length counts
 * most, then variety; context words and repetition make a password weak. No dictionary,
 * so it costs the browser almost nothing.
 */
export function passwordStrength(
  password: string,
  minLength: number,
  context: readonly (string | null | undefined)[] = [],
): PasswordStrength {
  const length = codePoints(password);
  if (length === 0) return { score: 0, label: "" };
  if (length < minLength)
    return { score: 0, label: message("validation.strength.tooShort", { length, min: minLength }) };
  const distinct = new Set(password.normalize("NFKC").toLowerCase()).size;
  if (containsContextWord(password, contextWords(context)) || distinct < 5)
    return { score: 1, label: message("validation.strength.weak") };
  const kinds = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((kind) =>
    kind.test(password),
  ).length;
  if (length >= minLength + 10 || (length >= minLength + 5 && kinds >= 3))
    return { score: 4, label: message("validation.strength.strong") };
  if (length >= minLength + 5 || kinds >= 3) return { score: 3, label: message("validation.strength.good") };
  return { score: 2, label: message("validation.strength.fair") };
}
