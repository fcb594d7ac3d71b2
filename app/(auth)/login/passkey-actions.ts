"use server";

import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { formValues } from "@/lib/action-state";
import { signInFailureMessage } from "@/lib/auth/messages";
import { signInThrough } from "@/lib/auth/sign-in";
import { safeCallbackUrl } from "@/lib/callback-url";
import { clientIp } from "@/lib/client-ip";
import { signInOptions } from "@/lib/passkeys/authentication";
import { throttleSignInChallenges } from "@/lib/passkeys/throttle";
import { passkeySignInActionSchema } from "@/lib/validations/passkeys";
import { PASSKEY_SIGN_IN_REFUSED as REFUSED } from "./passkey-messages";

export type PasskeyOptionsAnswer =
  { optionsJSON: PublicKeyCredentialRequestOptionsJSON } | { message: string };

/** A sign-in challenge for any of this site's passkeys, at the sign-in form's pace per address. */
export async function passkeySignInOptions(): Promise<PasskeyOptionsAnswer> {
  const throttled = await throttleSignInChallenges(clientIp(await headers()));
  if (!throttled.ok)
    return { message: signInFailureMessage({ reason: "throttled", retryAfter: throttled.retryAfter }) };
  return { optionsJSON: await signInOptions() };
}

export type PasskeySignInAnswer = { message: string } | null;

/**
 * Signs in with the browser's assertion through the passkey provider (auth.ts), and goes on to
 * the callbackUrl; otherwise answers with the message for the login form's alert.
 */
export async function signInWithPasskey(
  _previous: PasskeySignInAnswer,
  formData: unknown,
): Promise<PasskeySignInAnswer> {
  const parsed = passkeySignInActionSchema.safeParse(formValues(formData));
  if (!parsed.success) return { message: REFUSED };
  const { response, remember, callbackUrl } = parsed.data;
  const failure = await signInThrough("passkey", { response, remember: String(remember) });
  if (failure?.reason === "throttled" || failure?.reason === "busy")
    return { message: signInFailureMessage(failure) };
  if (failure) return { message: REFUSED };
  redirect(safeCallbackUrl(callbackUrl));
}
