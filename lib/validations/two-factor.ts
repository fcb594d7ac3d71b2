import * as z from "zod/mini";
import { appCode, normaliseRecoveryCode } from "@/lib/second-factor/code-format";
import { message } from "@/lib/i18n/message";
import { currentPasswordIf } from "@/lib/validations/fields";

// One schema per two-factor form, shared by the form's resolver and its server action.

const CODE_HELP = message("secondFactor.codeHelp");
const APP_CODE_HELP = message("secondFactor.appCodeHelp");

/** A code from the app, or a recovery code: the one `Authentication code` field takes both. */
export const authenticationCodeField = z.string({ error: CODE_HELP }).check(
  z.trim(),
  z.minLength(1, CODE_HELP),
  z.maxLength(64, CODE_HELP),
  z.refine((code) => appCode(code) !== null || normaliseRecoveryCode(code) !== null, CODE_HELP),
);

/** Only an app's code: what switches an app on is a code from that app. */
export const appCodeField = z.string({ error: APP_CODE_HELP }).check(
  z.trim(),
  z.refine((code) => appCode(code) !== null, APP_CODE_HELP),
);

export const secondStepSchema = z.object({
  /** The pending sign-in's secret: the action reads it from its cookie, never from the form. */
  pending: z.string().check(z.minLength(1), z.maxLength(512)),
  code: authenticationCodeField,
});

export const twoFactorCodeSchema = z.object({ code: authenticationCodeField });
export type TwoFactorCodeInput = z.input<typeof twoFactorCodeSchema>;

/** `askPassword`: the account has a password (lib/validations/fields.ts currentPasswordIf). */
export const enableTwoFactorSchemaFor = (askPassword: boolean) =>
  z.object({ code: appCodeField, currentPassword: currentPasswordIf(askPassword) });
export const enableTwoFactorSchema = enableTwoFactorSchemaFor(true);
export type EnableTwoFactorInput = z.input<typeof enableTwoFactorSchema>;

/**
 * Regenerating recovery codes and disabling share one form, told apart by the button pressed:
 * `intent` is the submitter's value, which the browser sends and the form's own fields do not
 * hold, so the server refuses a missing one and the browser does not look for it.
 */
export const manageTwoFactorSchemaFor = (askPassword: boolean) =>
  z.object({
    currentPassword: currentPasswordIf(askPassword),
    code: authenticationCodeField,
    intent: z.optional(z.enum(["regenerate", "disable"])),
  });
export const manageTwoFactorSchema = manageTwoFactorSchemaFor(true);
export type ManageTwoFactorInput = z.input<typeof manageTwoFactorSchema>;
