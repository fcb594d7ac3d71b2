import * as z from "zod/mini";
import { normalizeEmail } from "@/lib/email";
import { message } from "@/lib/i18n/message";

// zod/mini rather than zod: these schemas run in the browser too, and the classic API's
// methods cannot be tree-shaken (13 KB more compressed JavaScript on every form page).

// No JIT-compiled object parsers: zod probes for them with `new Function`, which the
// Content-Security-Policy (no 'unsafe-eval' in production) blocks and reports as a
// violation in the browser. Every schema module imports this one, so this runs
// before any object schema is built.
z.config({ jitless: true });

// Upper bounds keep oversized input (a 1 MB "password") away from hashing and the database.
export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 100;
export const MAX_PASSWORD_LENGTH = 256;

export const emailField = z.pipe(
  z.pipe(
    z
      .string({ error: message("validation.emailRequired") })
      .check(
        z.trim(),
        z.minLength(1, message("validation.emailRequired")),
        z.maxLength(MAX_EMAIL_LENGTH, message("validation.emailTooLong", { max: MAX_EMAIL_LENGTH })),
      ),
    z.email(message("validation.emailInvalid")),
  ),
  z.transform(normalizeEmail),
);

// Names are one line: breaks would forge lines in our mails, bidi controls reorder the text.
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

export const nameField = z.string({ error: message("validation.nameRequired") }).check(
  z.trim(),
  z.minLength(1, message("validation.nameRequired")),
  z.maxLength(MAX_NAME_LENGTH, message("validation.nameTooLong", { max: MAX_NAME_LENGTH })),
  z.refine((name) => !NOT_ONE_LINE.test(name), message("validation.nameOneLine")),
);

/** A password being checked: never trimmed, bounded so it cannot be used to burn CPU. */
export const currentPasswordField = z
  .string({ error: message("validation.passwordRequired") })
  .check(
    z.minLength(1, message("validation.passwordRequired")),
    z.maxLength(MAX_PASSWORD_LENGTH, message("validation.passwordTooLong")),
  );

/**
 * The current password where the account has one; an account without one (made with a
 * provider) proves a change by a fresh sign-in instead (lib/account/current-password.ts), and
 * its forms have no such field: "" then.
 */
export const currentPasswordIf = (askPassword: boolean): typeof currentPasswordField =>
  askPassword
    ? currentPasswordField
    : // Typed as the field it stands in for: the form sends "" or nothing, and gets "" back.
      (z.pipe(
        z.optional(z.string().check(z.maxLength(MAX_PASSWORD_LENGTH))),
        z.transform((value?: string) => value ?? ""),
      ) as unknown as typeof currentPasswordField);

/** A new password typed again; passwordsMatch (lib/validations/password-policy.ts) compares the two. */
export const confirmPasswordField = (message: string) =>
  z.string({ error: message }).check(z.minLength(1, message));

/** Checkbox values arrive as "on"/"true" from forms, booleans from the client. */
export const checkboxField = z.pipe(
  z.optional(z.union([z.boolean(), z.string()])),
  z.transform((value?: boolean | string) => value === true || value === "on" || value === "true"),
);
