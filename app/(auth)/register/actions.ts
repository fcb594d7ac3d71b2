"use server";

import { redirect } from "next/navigation";
import { rememberCheckEmailAddress } from "@/lib/auth/check-email-address";
import { notifyAccountExists, sendVerificationEmail } from "@/lib/auth/email-verification";
import { hashPassword } from "@/lib/auth/password";
import { serverPasswordPolicy } from "@/lib/auth/password-policy";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { safeCallbackUrl } from "@/lib/callback-url";
import { env } from "@/lib/env";
import { formAction } from "@/lib/form-action";
import { message } from "@/lib/i18n/message";
import { withNotice } from "@/lib/redirect-notice";
import { securityContext } from "@/lib/request-context";
import { createUser, EmailTakenError, type PublicUser } from "@/lib/users";
import { registerSchema } from "@/lib/validations/auth";

export const register = formAction({
  schema: registerSchema(serverPasswordPolicy()),
  throttle: { form: "register", emails: ({ email }) => [email] },
  async run({ name, email, password }, { values }, { fieldError }) {
    let user: PublicUser;
    try {
      user = await createUser({ name, email, passwordHash: await hashPassword(password) });
    } catch (error) {
      if (!(error instanceof EmailTakenError)) throw error;
      // With confirmation required, a taken address answers exactly like a free one, and its
      // owner hears of the attempt; without it the outcome shows anyway (no inbox step).
      if (env.AUTH_REQUIRE_VERIFIED_EMAIL) {
        await notifyAccountExists(email, await securityContext());
        await rememberCheckEmailAddress(email);
        redirect("/check-email");
      }
      return fieldError("email", message("register.emailTaken"));
    }
    await sendVerificationEmail(user);
    // With verification required there is no session until the emailed link is used.
    if (env.AUTH_REQUIRE_VERIFIED_EMAIL) {
      await rememberCheckEmailAddress(email);
      redirect("/check-email");
    }
    if (await signInWithPassword(email, password, false)) redirect("/login");
    redirect(withNotice(safeCallbackUrl(values.callbackUrl), "registered"));
  },
});
