import * as z from "zod/mini";
import { message } from "@/lib/i18n/message";
import { MAX_PASSWORD_LENGTH } from "@/lib/validations/fields";
import { codePoints, containsContextWord, contextWords } from "@/lib/validations/password-context";

// NIST SP 800-63B-4 §3.1.1.2 and OWASP ASVS 5.0 §6.2: a minimum length, a generous
// maximum, any characters, no composition rules, no expiry; refuse words from the context
// and, on the server, guessable passwords. Shared by the browser and the server.

/** The default minimum; a deployment may set PASSWORD_MIN_LENGTH (8 or more). */
export const DEFAULT_MIN_PASSWORD_LENGTH = 15;

export type PasswordPolicy = {
  minLength: number;
  /**
   * Server only, as its lists never ship to the browser (lib/auth/password-policy.ts): why
   * a password is easy to guess, given the context words, or null.
   */
  weakness?: (password: string, contextWords: readonly string[]) => string | null;
  /** Context known before the form is filled in, such as a signed-in user's email and name. */
  context?: readonly (string | null | undefined)[];
};

/** What the browser needs of the policy: plain data a server page can pass to a client form. */
export type ClientPasswordPolicy = { minLength: number; context?: string[] };

export const defaultPasswordPolicy: PasswordPolicy = { minLength: DEFAULT_MIN_PASSWORD_LENGTH };

export const COMMON_PASSWORD_MESSAGE = message("validation.passwordCommon");
export const CONTEXT_WORD_MESSAGE = message("validation.passwordContext");

/** The marker on a `weakness` issue, which context typed beside the password replaces. */
const WEAKNESS = { weakness: true };

/**
 * A password being chosen under `policy`: its length, then the policy's context words,
 * then (on the server) its weakness. Context from the form itself (the email and name
 * typed next to it) is checked by the form's schema with `refinePasswordContext`.
 */
export function newPasswordFieldFor(policy: PasswordPolicy) {
  const minLength = Math.max(8, policy.minLength);
  return z.string({ error: message("validation.newPasswordRequired") }).check(
    z.superRefine((value, ctx) => {
      const length = codePoints(value);
      if (length < minLength) {
        ctx.addIssue({
          code: "custom",
          message: message("validation.passwordMinLength", { min: minLength }),
        });
        return;
      }
      if (length > MAX_PASSWORD_LENGTH) {
        ctx.addIssue({
          code: "custom",
          message: message("validation.passwordMaxLength", { max: MAX_PASSWORD_LENGTH }),
        });
        return;
      }
      const words = contextWords(policy.context ?? []);
      if (containsContextWord(value, words)) {
        ctx.addIssue({ code: "custom", message: CONTEXT_WORD_MESSAGE });
        return;
      }
      const weakness = policy.weakness?.(value, words);
      if (weakness) ctx.addIssue({ code: "custom", message: weakness, params: WEAKNESS });
    }),
  );
}

/**
 * For a form's object schema: refuses a password containing the email or name typed
 * beside it. That reason replaces a weakness found without them, so a password gets the
 * same reason here as where the context is the policy's (reset, change).
 */
export function refinePasswordContext(
  field: string,
  password: unknown,
  context: readonly unknown[],
  ctx: z.core.$RefinementCtx,
  policy?: PasswordPolicy,
) {
  if (typeof password !== "string" || containsContextWord(password, ["latchkey"])) return; // already said
  const values = context.filter((value): value is string => typeof value === "string");
  const weak = ctx.issues.findIndex(
    (issue) => issue.path?.length === 1 && issue.path[0] === field && issue.params === WEAKNESS,
  );
  if (containsContextWord(password, contextWords(values, { product: false }))) {
    if (weak !== -1) ctx.issues.splice(weak, 1);
    ctx.addIssue({ code: "custom", path: [field], message: CONTEXT_WORD_MESSAGE });
    return;
  }
  // The typed name and email are context the field's own check did not have ("grac3 h0pp3r").
  if (weak !== -1 || !policy?.weakness || ctx.issues.some((issue) => issue.path?.[0] === field)) return;
  const weakness = policy.weakness(password, contextWords([...(policy.context ?? []), ...values]));
  if (weakness) ctx.addIssue({ code: "custom", path: [field], message: weakness, params: WEAKNESS });
}

/** The check that `confirmPassword` repeats the new password in `field`. */
export const passwordsMatch = <Field extends string>(field: Field) =>
  z.refine<Record<Field | "confirmPassword", string>>((data) => data[field] === data.confirmPassword, {
    path: ["confirmPassword"],
    message: message("validation.passwordsMismatch"),
  });
