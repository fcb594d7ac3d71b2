"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { PasswordRefusal } from "@/lib/account/current-password";
import type { FormState } from "@/lib/action-state";
import { tooManyAttemptsMessage } from "@/lib/form-throttle";
import { requireSession } from "@/lib/dal";
import { signedInFormAction } from "@/lib/form-action";
import { securityContext } from "@/lib/request-context";
import { beginTotpSetup } from "@/lib/second-factor/authenticator-app";
import {
  disableTwoFactor,
  enableTwoFactor,
  regenerateRecoveryCodes,
  type CodeRefusal,
} from "@/lib/second-factor/enrolment";
import { hasPassword } from "@/lib/account/set-password";
import { enableTwoFactorSchemaFor, manageTwoFactorSchemaFor } from "@/lib/validations/two-factor";
import { CREDENTIALS_CHANGED } from "./messages";
import { message } from "@/lib/i18n/message";

const SETTINGS = "/settings";

/** A fresh secret for the app being set up; the section shows it as a QR code and a setup key. */
export async function startTwoFactorSetupAction(): Promise<void> {
  const { user } = await requireSession(SETTINGS);
  const started = await beginTotpSetup(user.id);
  revalidatePath(SETTINGS);
  redirect(started ? "/settings#two-factor" : "/settings?notice=two-factor-already-on");
}

/** Every way a change to the second factor is refused, in the form's words. */
function refused(refusal: CodeRefusal | PasswordRefusal): FormState<"code"> | PasswordRefusal {
  if (typeof refusal === "object" && "refused" in refusal) return refusal; // lib/form-action.ts says it
  if (refusal === "conflict") return CREDENTIALS_CHANGED;
  if (typeof refusal === "object")
    return { status: "error", message: tooManyAttemptsMessage(refusal.throttled) };
  if (refusal === "no-setup") {
    return {
      status: "error",
      message: message("settings.twoFactor.setupExpired"),
    };
  }
  return {
    status: "error",
    message: message("forms.correctFields"),
    fieldErrors: { code: [message("secondFactor.wrongCode")] },
  };
}

const made = <T extends object>(result: T | CodeRefusal | PasswordRefusal): result is T =>
  typeof result === "object" && "recoveryCodes" in result;

const throttle = {
  form: "settings-two-factor",
  emails: (_input: unknown, { session }: { session: { user: { email: string } } }) => [session.user.email],
} as const;

export const enableTwoFactorAction = signedInFormAction(SETTINGS, {
  schema: async ({ session }) => enableTwoFactorSchemaFor(await hasPassword(session.user.id)),
  throttle,
  async run(input, { session: { user, sessionId } }) {
    const result = await enableTwoFactor(user, sessionId, input, await securityContext());
    if (!made(result)) return refused(result);
    revalidatePath(SETTINGS);
    return {
      status: "success",
      message: message("settings.twoFactor.enabled"),
      shownOnce: result.recoveryCodes,
    };
  },
});

export const manageTwoFactorAction = signedInFormAction(SETTINGS, {
  schema: async ({ session }) => manageTwoFactorSchemaFor(await hasPassword(session.user.id)),
  throttle,
  async run({ intent, ...proof }, { session: { user, sessionId } }) {
    if (!intent) return { status: "error", message: message("settings.twoFactor.chooseIntent") };
    const context = await securityContext();
    if (intent === "disable") {
      const result = await disableTwoFactor(user, sessionId, proof, context);
      if (result !== "disabled") return refused(result);
      revalidatePath(SETTINGS);
      return {
        status: "success",
        message: message("settings.twoFactor.disabled"),
      };
    }
    const result = await regenerateRecoveryCodes(user, proof, context, sessionId);
    if (!made(result)) return refused(result);
    revalidatePath(SETTINGS);
    return {
      status: "success",
      message: message("settings.twoFactor.regenerated"),
      shownOnce: result.recoveryCodes,
    };
  },
});
