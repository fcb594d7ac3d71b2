import { z } from "zod";
import { normalizeEmail } from "@/lib/email";

// No JIT-compiled object parsers: zod probes for them with `new Function`, which the
// Content-Security-Policy (no 'unsafe-eval' in production) blocks and reports as a
// violation in the browser. Every schema module imports this one, so this runs
// before any object schema is built.
z.config({ jitless: true });

// Upper bounds keep oversized input (a 1 MB "password") away from hashing and the database.
export const MAX_EMAIL_LENGTH = 254;
export const MAX_NAME_LENGTH = 100;
export const MAX_PASSWORD_LENGTH = 256;

export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(MAX_EMAIL_LENGTH, `Email addresses are at most ${MAX_EMAIL_LENGTH} characters.`)
  .pipe(z.email("Enter a valid email address, like name@example.com."))
  .transform(normalizeEmail);

export const nameField = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(MAX_NAME_LENGTH, `Names are at most ${MAX_NAME_LENGTH} characters.`);

/** A password being checked: never trimmed, bounded so it cannot be used to burn CPU. */
export const currentPasswordField = z
  .string({ error: "Enter your password." })
  .min(1, "Enter your password.")
  .max(MAX_PASSWORD_LENGTH, "That password is too long.");

/** Length in Unicode code points, as people count characters. */
export const codePoints = (value: string) => [...value.normalize("NFKC")].length;

/** Checkbox values arrive as "on"/"true" from forms, booleans from the client. */
export const checkboxField = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((value) => value === true || value === "on" || value === "true");
