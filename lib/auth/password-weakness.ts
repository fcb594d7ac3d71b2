import "server-only";
import { ZxcvbnFactory, type TranslationKeys } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary, translations } from "@zxcvbn-ts/language-en";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { message } from "@/lib/i18n/message";
import { COMMON_PASSWORD_MESSAGE, CONTEXT_WORD_MESSAGE } from "@/lib/validations/password-policy";

// What a guesser tries first at any length (NIST SP 800-63B-4 §3.1.1.2): the common list,
// then zxcvbn's estimate of repeats, sequences, keyboard walks, dates, dictionary words and
// phrases, and the user's own details. Server only: the dictionaries are megabytes of
// JavaScript, which the browser never loads.

/** zxcvbn's 3: "safely unguessable: moderate protection from offline slow-hash scenario". */
export const MIN_PASSWORD_SCORE = 3;

/**
 * The estimate reads this many characters, as its cost grows with length. Cutting errs
 * only towards refusal: a password takes at least as many guesses as its start.
 */
export const ESTIMATED_LENGTH = 64;

// zxcvbn answers with the names of its warnings and suggestions, not its English words: the
// catalogue's "validation.passwordGuessable" says them in the viewer's language.
const names = <Key extends string>(keys: Record<Key, string>) =>
  Object.fromEntries(Object.keys(keys).map((key) => [key, key])) as Record<Key, string>;

let zxcvbn: ZxcvbnFactory | undefined;

// Built on first use, then kept: ranking the dictionaries takes a moment.
function estimator(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    translations: {
      ...translations,
      warnings: names(translations.warnings),
      suggestions: names(translations.suggestions),
    } satisfies TranslationKeys,
    // Fewer l33t spellings tried per password: the default 100 takes about 5× as long.
    l33tMaxSubstitutions: 10,
  });
  return zxcvbn;
}

/** zxcvbn's warning and first suggestion for a password scoring below MIN_PASSWORD_SCORE. */
function guessableReason(password: string, userInputs: readonly string[]): string | null {
  const start = [...password.normalize("NFKC")].slice(0, ESTIMATED_LENGTH).join("");
  const { score, feedback } = estimator().check(start, [...userInputs]);
  if (score >= MIN_PASSWORD_SCORE) return null;
  const { warning } = feedback;
  if (warning === "userInputs") return CONTEXT_WORD_MESSAGE;
  const [suggestion] = feedback.suggestions;
  // A warning stands alone or with its suggestion; with neither, "choose another".
  return message("validation.passwordGuessable", {
    warning: warning || "other",
    suggestion: suggestion ?? (warning ? "other" : "chooseAnother"),
  });
}

/**
 * Why a password is easy to guess, or null: one of the 10,000 most common, or below
 * MIN_PASSWORD_SCORE with the user's context words (`contextWords`) as zxcvbn's user inputs.
 */
export function passwordWeakness(password: string, contextWords: readonly string[] = []): string | null {
  if (isCommonPassword(password)) return COMMON_PASSWORD_MESSAGE;
  return guessableReason(password, contextWords);
}
