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
    if (proven === "wrong-code")
      return fieldError("code", "That code is not right. Check your authenticator app and try again.");
    if (typeof proven === "object") {
      return "refused" in proven ? proven : error(tooManyAttemptsMessage(proven.throttled));
    }
    const optionsJSON = await registrationOptions(user);
    if (optionsJSON === "too-many") {
      return error(
        `Your account has ${MAX_PASSKEYS} passkeys, the most it can have. Remove one to add another.`,
      );
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
    return badName
      ? invalidState<"name">(parsed.error)
      : error("That passkey could not be added. Please try again.");
  }
  const result = await addPasskey(user, parsed.data, await securityContext());
  if (result === "duplicate") return error("That passkey is already registered.");
  if (result === "invalid") return error("That passkey could not be added. Please try again.");
  revalidatePath(SETTINGS);
  return { status: "success", message: `Passkey “${parsed.data.name}” added. You can sign in with it now.` };
}

const LAST_WAY_IN = error(
  "This passkey is the only way to sign in to your account, so it cannot be removed. " +
    "Add another passkey or connect an account first.",
);

/** A row of the passkey list: Remove, or Save name after Rename. Only the signed-in user's passkeys. */
export const passkeyRowAction = signedInFormAction(SETTINGS, {
  schema: passkeyRowSchema,
  async run(row, { session: { user, sessionId } }) {
    if (row.intent === "remove") {
      const result = await removePasskey(user, row.passkeyId, sessionId, await securityContext());
      if (result === "not-found")
        return error("That passkey was not found. It may have been removed already.");
      if (result === "last-way-in") return LAST_WAY_IN;
      revalidatePath(SETTINGS);
      return {
        status: "success",
        message: `Passkey “${result.removed}” removed, and every other session has been signed out.`,
      };
    }
    if (!(await renamePasskey(user.id, row.passkeyId, row.name))) return error("That passkey was not found.");
    revalidatePath(SETTINGS);
    return { status: "success", message: `Passkey renamed to “${row.name}”.` };
  },
});
