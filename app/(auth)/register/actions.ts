"use server";

import { redirect } from "next/navigation";
import { formValues, invalidState, type FormState } from "@/lib/action-state";
import { hashPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { safeCallbackUrl } from "@/lib/callback-url";
import { withNotice } from "@/lib/redirect-notice";
import { createUser, EmailTakenError } from "@/lib/users";
import { registerSchema } from "@/lib/validations/auth";

export async function register(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = registerSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error);
  const { name, email, password } = parsed.data;
  try {
    await createUser({ name, email, passwordHash: await hashPassword(password) });
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
    return {
      status: "error",
      message: "Please correct the highlighted fields.",
      fieldErrors: { email: ["An account with this email already exists. Sign in instead?"] },
    };
  }
  if (await signInWithPassword(email, password, false)) redirect("/login");
  redirect(withNotice(safeCallbackUrl(values.callbackUrl), "registered"));
}
