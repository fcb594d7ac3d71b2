"use server";

import { redirect } from "next/navigation";
import { throttledState } from "@/lib/action-state";
import { rememberCheckEmailAddress } from "@/lib/auth/check-email-address";
import { signInFailureMessage } from "@/lib/auth/messages";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { safeCallbackUrl } from "@/lib/callback-url";
import { formAction } from "@/lib/form-action";
import { loginSchema } from "@/lib/validations/auth";

// No form throttle: sign-in has its own, per account and per address, inside the
// Credentials provider (lib/auth/sign-in-throttle.ts), which Auth.js's endpoint shares.
export const login = formAction({
  schema: loginSchema,
  async run({ email, password, remember }, { values }) {
    const failure = await signInWithPassword(email, password, remember, safeCallbackUrl(values.callbackUrl));
    if (failure?.reason === "unverified") {
      await rememberCheckEmailAddress(email);
      redirect("/check-email?reason=unverified");
    }
    // The password was right; the pending sign-in carries remember me and callbackUrl on.
    if (failure?.reason === "two-factor") redirect("/login/two-factor");
    if (failure?.retryAfter) return throttledState(signInFailureMessage(failure), failure.retryAfter);
    if (failure) return { status: "error", message: signInFailureMessage(failure) };
    redirect(safeCallbackUrl(values.callbackUrl));
  },
});
