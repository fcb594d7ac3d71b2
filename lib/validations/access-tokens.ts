import * as z from "zod/mini";
import "@/lib/validations/fields"; // zod's jitless setting, before any object schema is built
import { message } from "@/lib/i18n/message";

// /settings → Personal access tokens, shared by the form and its server action.

/** Lifetimes offered, in days; "never" lasts until revoked. 30 days unless chosen otherwise. */
export const TOKEN_LIFETIMES = ["7", "30", "90", "365", "never"] as const;
export const MAX_TOKEN_NAME_LENGTH = 60;

const NAME_HELP = message("settings.accessTokens.nameHelp");
// One line: the name is shown in lists and the event log.
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

export const createAccessTokenSchema = z.object({
  name: z.string({ error: NAME_HELP }).check(
    z.trim(),
    z.minLength(1, NAME_HELP),
    z.maxLength(
      MAX_TOKEN_NAME_LENGTH,
      message("settings.accessTokens.nameTooLong", { max: MAX_TOKEN_NAME_LENGTH }),
    ),
    z.refine((name) => !NOT_ONE_LINE.test(name), message("settings.accessTokens.nameOneLine")),
  ),
  expires: z._default(
    z.enum(TOKEN_LIFETIMES, { error: message("settings.accessTokens.chooseExpiry") }),
    "30",
  ),
});
export type CreateAccessTokenInput = z.input<typeof createAccessTokenSchema>;

export const revokeAccessTokenSchema = z.object({
  tokenId: z.string().check(z.minLength(1), z.maxLength(64)),
});
