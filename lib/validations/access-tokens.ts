import * as z from "zod/mini";
import "@/lib/validations/fields"; // zod's jitless setting, before any object schema is built

// /settings → Personal access tokens, shared by the form and its server action.

/** Lifetimes offered, in days; "never" lasts until revoked. 30 days unless chosen otherwise. */
export const TOKEN_LIFETIMES = ["7", "30", "90", "365", "never"] as const;
export const MAX_TOKEN_NAME_LENGTH = 60;

const NAME_HELP = "Name the token, for example after the script that uses it.";
// One line: the name is shown in lists and the event log.
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

export const createAccessTokenSchema = z.object({
  name: z.string({ error: NAME_HELP }).check(
    z.trim(),
    z.minLength(1, NAME_HELP),
    z.maxLength(MAX_TOKEN_NAME_LENGTH, `Token names are at most ${MAX_TOKEN_NAME_LENGTH} characters.`),
    z.refine(
      (name) => !NOT_ONE_LINE.test(name),
      "Token names cannot contain line breaks or control characters.",
    ),
  ),
  expires: z._default(z.enum(TOKEN_LIFETIMES, { error: "Choose when the token expires." }), "30"),
});
export type CreateAccessTokenInput = z.input<typeof createAccessTokenSchema>;

export const revokeAccessTokenSchema = z.object({
  tokenId: z.string().check(z.minLength(1), z.maxLength(64)),
});
