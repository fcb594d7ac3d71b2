"use server";

import { redirect } from "next/navigation";
import { formValues } from "@/lib/action-state";
import { safeCallbackUrl } from "@/lib/callback-url";
import { configuredProvider } from "@/lib/providers/config";
import { providerSignInErrorUrl } from "@/lib/providers/messages";
import { startProviderFlow } from "@/lib/providers/start";

/**
 * "Sign in with <Provider>" on /login and /register: off to the provider, with Remember me as
 * ticked on /login (a browser session otherwise) and the callbackUrl, same-origin only.
 */
export async function signInWithProvider(formData: FormData): Promise<void> {
  const values = formValues(formData);
  const provider = configuredProvider(values.provider);
  if (!provider) redirect("/login");
  const callbackUrl = safeCallbackUrl(values.callbackUrl);
  const remember = values.remember === "true";
  const flow = { intent: "sign-in", provider: provider.id, remember, callbackUrl } as const;
  const started = await startProviderFlow(provider, flow, { afterwards: callbackUrl });
  if ("url" in started) redirect(started.url);
  const code =
    started.refused === "throttled" ? (`throttled:${started.retryAfter}` as const) : started.refused;
  redirect(providerSignInErrorUrl(code, provider.id));
}
