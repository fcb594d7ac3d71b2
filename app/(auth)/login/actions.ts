"use server";

import { redirect } from "next/navigation";
import { formValues, invalidState, type FormState } from "@/lib/action-state";
import { signInFailureMessage } from "@/lib/auth/messages";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { safeCallbackUrl } from "@/lib/callback-url";
import { loginSchema } from "@/lib/validations/auth";

export async function login(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const parsed = loginSchema.safeParse(values);
  if (!parsed.success) return invalidState(parsed.error);
  const { email, password, remember } = parsed.data;
  const failure = await signInWithPassword(email, password, remember);
  if (failure?.reason === "unverified") redirect("/check-email?reason=unverified");
  if (failure) return { status: "error", message: signInFailureMessage(failure) };
  redirect(safeCallbackUrl(values.callbackUrl));
}
