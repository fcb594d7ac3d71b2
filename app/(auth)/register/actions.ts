"use server";

import { redirect } from "next/navigation";
import { formValues, invalidState, type FormState } from "@/lib/action-state";
import { signInFailureMessage } from "@/lib/auth/messages";
import { notifyAccountExists, sendVerificationEmail } from "@/lib/auth/email-verification";
import { hashPassword } from "@/lib/auth/password";
import { serverPasswordPolicy } from "@/lib/auth/password-policy";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { HashingBusyError } from "@/lib/auth/sign-in-errors";
import { safeCallbackUrl } from "@/lib/callback-url";
import { env } from "@/lib/env";
import { throttleForm } from "@/lib/form-throttle";
import { withNotice } from "@/lib/redirect-notice";
import { securityContext } from "@/lib/request-context";
import { createUser, EmailTakenError, type PublicUser } from "@/lib/users";
import { registerSchema } from "@/lib/validations/auth";

export async function register(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = registerSchema(serverPasswordPolicy()).safeParse(values);
  if (!parsed.success) return invalidState(parsed.error);
  const { name, email, password } = parsed.data;
  const limited = await throttleForm("register", email);
  if (limited) return limited;
  let user: PublicUser;
  try {
    user = await createUser({ name, email, passwordHash: await hashPassword(password) });
  } catch (error) {
    // A full hashing pool: a form message (a server action's answer cannot carry a 503).
    if (error instanceof HashingBusyError) {
      return {
        status: "error",
        message: signInFailureMessage({ reason: "busy", retryAfter: error.retryAfter }),
      };
    }
    if (!(error instanceof EmailTakenError)) throw error;
    // With confirmation required, a taken address answers exactly like a free one, and its
    // owner hears of the attempt; without it the outcome shows anyway (no inbox step).
    if (env.AUTH_REQUIRE_VERIFIED_EMAIL) {
      await notifyAccountExists(email, await securityContext());
      redirect("/check-email");
    }
    return {
      status: "error",
      message: "Please correct the highlighted fields.",
      fieldErrors: { email: ["An account with this email already exists. Sign in instead?"] },
    };
  }
  await sendVerificationEmail(user);
  // With verification required there is no session until the emailed link is used.
  if (env.AUTH_REQUIRE_VERIFIED_EMAIL) redirect("/check-email");
  if (await signInWithPassword(email, password, false)) redirect("/login");
  redirect(withNotice(safeCallbackUrl(values.callbackUrl), "registered"));
}
