import * as z from "zod/mini";
import { message } from "@/lib/i18n/message";
import type { AddPasskeyProof } from "@/lib/passkeys/proof";
import { checkboxField, currentPasswordField } from "@/lib/validations/fields";
import { authenticationCodeField } from "@/lib/validations/two-factor";

// The /settings → Passkeys forms and the WebAuthn JSON the browser sends back, shared by the
// forms and the server, which parses every response again before simplewebauthn sees it.

export const MAX_PASSKEY_NAME_LENGTH = 60;
/** Far more than any authenticator's response (a few KB), far less than a flood. */
export const MAX_WEBAUTHN_JSON_LENGTH = 16_000;

// One line, like a person's name: it is quoted in security mails.
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

const NAME_REQUIRED = message("settings.passkeys.nameRequired");

export const passkeyNameField = z.string({ error: NAME_REQUIRED }).check(
  z.trim(),
  z.minLength(1, NAME_REQUIRED),
  z.maxLength(
    MAX_PASSKEY_NAME_LENGTH,
    message("settings.passkeys.nameTooLong", { max: MAX_PASSKEY_NAME_LENGTH }),
  ),
  z.refine((name) => !NOT_ONE_LINE.test(name), message("settings.passkeys.nameOneLine")),
);

/**
 * Adding a passkey: its name, and what the session's proof asks for (the current password,
 * and on an account with an authenticator app, a code as well).
 */
export const addPasskeySchemaFor = (proof: AddPasskeyProof) =>
  z.object({
    name: passkeyNameField,
    currentPassword:
      proof === "password" || proof === "password-and-code" ? currentPasswordField : z.optional(z.string()),
    code: proof === "password-and-code" ? authenticationCodeField : z.optional(z.string()),
  });
export type AddPasskeyInput = z.input<ReturnType<typeof addPasskeySchemaFor>>;

const passkeyId = z.string().check(z.minLength(1), z.maxLength(64));

/**
 * A passkey row's form: its Save name button with the new name, or its Remove button, which
 * ignores the name (a Rename field left open, even emptied, must not stop a removal).
 */
export const passkeyRowSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("rename"), passkeyId, name: passkeyNameField }),
  z.object({ intent: z.literal("remove"), passkeyId }),
]);
export type PasskeyRowInput = z.input<typeof passkeyRowSchema>;

// WebAuthn's JSON encodings (https://w3c.github.io/webauthn/#sctn-parseRegistrationResponseFromJSON).
const base64url = (max: number) => z.string().check(z.maxLength(max), z.regex(/^[A-Za-z0-9_-]*$/));
const credentialId = base64url(1_400).check(z.minLength(1)); // at most 1023 bytes
const binary = base64url(MAX_WEBAUTHN_JSON_LENGTH);
// Extensions are not used; whatever the browser reports is dropped.
const ignoredExtensions = z.pipe(
  z.optional(z.looseObject({})),
  z.transform(() => ({})),
);
const attachment = z.optional(z.enum(["platform", "cross-platform"]));

/** JSON text, bounded, parsed: a hostile string is a validation error, never a throw. */
const jsonText = z.pipe(
  z.string().check(z.minLength(1), z.maxLength(MAX_WEBAUTHN_JSON_LENGTH)),
  z.transform((text: string, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.issues.push({ code: "custom", message: "Not JSON.", input: text });
      return z.NEVER;
    }
  }),
);

export const registrationResponseJson = z.pipe(
  jsonText,
  z.object({
    id: credentialId,
    rawId: credentialId,
    type: z.literal("public-key"),
    response: z.object({
      clientDataJSON: binary,
      attestationObject: binary,
      transports: z.optional(z.array(z.string().check(z.maxLength(32))).check(z.maxLength(8))),
    }),
    authenticatorAttachment: attachment,
    clientExtensionResults: ignoredExtensions,
  }),
);

export const authenticationResponseJson = z.pipe(
  jsonText,
  z.object({
    id: credentialId,
    rawId: credentialId,
    type: z.literal("public-key"),
    response: z.object({
      clientDataJSON: binary,
      authenticatorData: binary,
      signature: binary,
      userHandle: z.pipe(
        z.nullish(base64url(128)),
        z.transform((handle) => handle ?? undefined),
      ),
    }),
    authenticatorAttachment: attachment,
    clientExtensionResults: ignoredExtensions,
  }),
);

/** Finishing the addition: the name again, and the browser's registration response. */
export const finishPasskeySchema = z.object({ name: passkeyNameField, response: registrationResponseJson });

/** Auth.js's passkey provider (auth.ts): the assertion and Remember me, as strings. */
export const passkeySignInSchema = z.object({
  response: authenticationResponseJson,
  remember: checkboxField,
});

/** The login page's passkey action: the assertion as text (the provider parses it), and where to go. */
export const passkeySignInActionSchema = z.object({
  response: z.string().check(z.minLength(1), z.maxLength(MAX_WEBAUTHN_JSON_LENGTH)),
  remember: checkboxField,
  callbackUrl: z.optional(z.string().check(z.maxLength(2048))),
});
