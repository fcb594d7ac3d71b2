"use server";

import { redirect } from "next/navigation";
import { throttledState } from "@/lib/action-state";
import { signInFailureMessage } from "@/lib/auth/messages";
import { peekPendingSignIn } from "@/lib/auth/pending-sign-in";
import { clearPendingSignInCookie, pendingSignInSecret } from "@/lib/auth/pending-sign-in-cookie";
import { signInThrough } from "@/lib/auth/sign-in";
import { formAction } from "@/lib/form-action";
import { message } from "@/lib/i18n/message";
import { twoFactorCodeSchema } from "@/lib/validations/two-factor";

const WRONG_CODE = message("twoFactorSignIn.wrongCode");

// Throttled per account inside the "two-factor" provider (lib/second-factor/code-check.ts),
// which Auth.js's own endpoint for it shares.
export const verifyTwoFactor = formAction({
  schema: twoFactorCodeSchema,
  async run({ code }) {
    const secret = (await pendingSignInSecret()) ?? "";
    const pending = await peekPendingSignIn(secret);
    const failure = pending
      ? await signInThrough("two-factor", { pending: secret, code })
      : { reason: "expired" as const };
    if (failure?.reason === "expired") {
      await clearPendingSignInCookie();
      redirect("/login?notice=sign-in-expired");
    }
    if (failure?.reason === "invalid") {
      return { status: "error", message: WRONG_CODE, fieldErrors: { code: [WRONG_CODE] } };
    }
    if (failure?.retryAfter) return throttledState(signInFailureMessage(failure), failure.retryAfter);
    if (failure) return { status: "error", message: signInFailureMessage(failure) };
    await clearPendingSignInCookie();
    redirect(pending?.callbackUrl ?? "/dashboard");
  },
});
