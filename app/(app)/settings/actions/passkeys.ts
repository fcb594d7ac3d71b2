"use server";

import { revalidatePath } from "next/cache";
import * as z from "zod/mini";
import { formValues, invalidState, type FormState } from "@/lib/action-state";
import { requireSession } from "@/lib/dal";
import { signedInFormAction, signedInStep } from "@/lib/form-action";
import { tooManyAttemptsMessage } from "@/lib/form-throttle";
import { removePasskey, renamePasskey } from "@/lib/passkeys/passkeys";
import { checkProof, PROOF_HINTS, proofToAddPasskey } from "@/lib/passkeys/proof";
import { addPasskey, MAX_PASSKEYS, registrationOptions } from "@/lib/passkeys/registration";
import { throttleRegistrationChallenges } from "@/lib/passkeys/throttle";
import { securityContext } from "@/lib/request-context";
import { addPasskeySchemaFor, finishPasskeySchema, passkeyRowSchema } from "@/lib/validations/passkeys";
import { message } from "@/lib/i18n/message";

const SETTINGS = "/settings";
const error = (message: string): FormState<never> => ({ status: "error", message });

/**
 * Step one of adding a passkey: the proof this session needs (lib/passkeys/proof.ts), then
 * the options for the browser, whose challenge is bound to this account. Nothing is stored
 * but the challenge.
 */
export const beginAddingPasskey = signedInStep(SETTINGS, {
  // The form's fields are the proof's: it is decided once, here, and travels with the input.
  async schema({ session: { user, sessionId } }) {
    const proof = await proofToAddPasskey(user.id, sessionId);
    return z.pipe(
      addPasskeySchemaFor(proof),
      z.transform((input) => ({ ...input, proof })),
    );
  },
  async run({ proof, ...input }, { session: { user } }, { fieldError }) {
    if (proof === "sign-in-again") return error(PROOF_HINTS["sign-in-again"]);
    const throttled = await throttleRegistrationChallenges(user.id);
    if (!throttled.ok) return error(tooManyAttemptsMessage(throttled.retryAfter));
    const proven = await checkProof(user, proof, input, await securityContext());
    if (proven === "wrong-code") return fieldError("code", message("secondFactor.wrongCode"));
    if (typeof proven === "object") {
      return "refused" in proven ? proven : error(tooManyAttemptsMessage(proven.throttled));
    }
    const optionsJSON = await registrationOptions(user);
    if (optionsJSON === "too-many") {
      return error(message("settings.passkeys.tooMany", { max: MAX_PASSKEYS }));
    }
    return { done: { status: "ready", optionsJSON } as const };
  },
});

/** Step two: verifies the browser's response against this account's challenge and saves the passkey. */
export async function finishAddingPasskey(formData: unknown): Promise<FormState<"name">> {
  const { user } = await requireSession(SETTINGS);
  const parsed = finishPasskeySchema.safeParse(formValues(formData));
  if (!parsed.success) {
    const badName = parsed.error.issues.some((issue) => issue.path[0] === "name");
    return badName ? invalidState<"name">(parsed.error) : error(message("settings.passkeys.couldNotAdd"));
  }
  const result = await addPasskey(user, parsed.data, await securityContext());
  if (result === "duplicate") return error(message("settings.passkeys.duplicate"));
  if (result === "invalid") return error(message("settings.passkeys.couldNotAdd"));
  revalidatePath(SETTINGS);
  return {
    status: "success",
    message: message("settings.passkeys.addedMessage", { name: parsed.data.name }),
  };
}

const LAST_WAY_IN = error(message("settings.passkeys.lastWayIn"));

/** A row of the passkey list: Remove, or Save name after Rename. Only the signed-in user's passkeys. */
export const passkeyRowAction = signedInFormAction(SETTINGS, {
  schema: passkeyRowSchema,
  async run(row, { session: { user, sessionId } }) {
    if (row.intent === "remove") {
      const result = await removePasskey(user, row.passkeyId, sessionId, await securityContext());
      if (result === "not-found") return error(message("settings.passkeys.notFoundRemoved"));
      if (result === "last-way-in") return LAST_WAY_IN;
      revalidatePath(SETTINGS);
      return {
        status: "success",
        message: message("settings.passkeys.removed", { name: result.removed }),
      };
    }
    if (!(await renamePasskey(user.id, row.passkeyId, row.name))) {
      return error(message("settings.passkeys.notFound"));
    }
    revalidatePath(SETTINGS);
    return { status: "success", message: message("settings.passkeys.renamed", { name: row.name }) };
  },
});
