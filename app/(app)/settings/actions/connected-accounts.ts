"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import * as z from "zod/mini";
import { signOut } from "@/auth";
import { checkCurrentPassword } from "@/lib/account/current-password";
import type { FormState } from "@/lib/action-state";
import { formValues } from "@/lib/action-state";
import { safeCallbackUrl } from "@/lib/callback-url";
import { db } from "@/lib/db";
import { requireSession } from "@/lib/dal";
import { signedInFormAction } from "@/lib/form-action";
import { tooManyAttemptsMessage } from "@/lib/form-throttle";
import { configuredProvider } from "@/lib/providers/config";
import { disconnectProvider, proofToConnect } from "@/lib/providers/connections";
import { connectedProviders } from "@/lib/providers/identities";
import { providerSignInErrorUrl } from "@/lib/providers/messages";
import { startProviderFlow, type StartResult } from "@/lib/providers/start";
import { securityContext } from "@/lib/request-context";
import { connectProviderSchemaFor, providerRowSchema } from "@/lib/validations/providers";
import { SIGN_IN_AGAIN_HINT } from "../connected-accounts/messages";
import { message } from "@/lib/i18n/message";

const SETTINGS = "/settings";
const error = (message: string): FormState<never> => ({ status: "error", message });

const notStarted = (started: Exclude<StartResult, { url: string }>, provider: string) =>
  error(
    started.refused === "throttled"
      ? tooManyAttemptsMessage(started.retryAfter)
      : message("settings.connectedAccounts.unreachable", { provider }),
  );

/**
 * Connect <Provider>: after the proof this session owes (lib/providers/connections.ts), off to
 * the provider; its callback connects the identity to this account, if no other account has it.
 */
export const connectProviderAction = signedInFormAction(SETTINGS, {
  async schema({ session: { user, sessionId } }) {
    const proof = await proofToConnect(user.id, sessionId);
    return z.pipe(
      connectProviderSchemaFor(proof === "password"),
      z.transform((input) => ({ ...input, proof })),
    );
  },
  throttle: { form: "settings-connect", emails: (_input, { session }) => [session.user.email] },
  async run({ provider: id, currentPassword, proof }, { session: { user, sessionId } }) {
    const provider = configuredProvider(id);
    if (!provider) return error(message("settings.connectedAccounts.unavailable"));
    if ((await connectedProviders(user.id)).includes(provider.id)) {
      return error(message("settings.connectedAccounts.alreadyConnected", { provider: provider.name }));
    }
    if (proof === "sign-in-again") return error(SIGN_IN_AGAIN_HINT);
    if (proof === "password") {
      const checked = await checkCurrentPassword(user.id, currentPassword ?? "", await securityContext());
      if ("refused" in checked) return checked;
    }
    const flow = { intent: "connect", provider: provider.id, userId: user.id, sessionId } as const;
    const started = await startProviderFlow(provider, flow, { afterwards: SETTINGS });
    if (!("url" in started)) return notStarted(started, provider.name);
    redirect(started.url);
  },
});

/** Disconnect <Provider>: refused when it is the account's last way to sign in. */
export const disconnectProviderAction = signedInFormAction(SETTINGS, {
  schema: providerRowSchema,
  async run({ provider: id }, { session: { user, sessionId } }) {
    const provider = configuredProvider(id)?.name;
    const result = await disconnectProvider(user, id, sessionId, await securityContext());
    if (result === "not-connected") {
      return error(
        provider
          ? message("settings.connectedAccounts.notConnectedError", { provider })
          : message("settings.connectedAccounts.unknownNotConnected"),
      );
    }
    if (result === "last-way-in") {
      return error(message("settings.connectedAccounts.lastWayIn", { provider: provider ?? id }));
    }
    // The row becomes "Connect" again: the section says what happened (connected-accounts/messages.ts).
    revalidatePath(SETTINGS);
    redirect(
      `${SETTINGS}?${new URLSearchParams({ connect: "disconnected", provider: id })}#connected-accounts`,
    );
  },
});

/**
 * "Sign in again with <Provider>": the fresh sign-in a passwordless account gives instead of
 * its password. This session ends first (so the second step, if the account has one, is asked
 * for as at any sign-in), and the provider is asked to sign the person in again.
 */
export async function signInAgainAction(formData: FormData): Promise<void> {
  const { user, sessionId } = await requireSession(SETTINGS);
  const values = formValues(formData);
  const provider = configuredProvider(values.provider);
  if (!provider || !(await connectedProviders(user.id)).includes(provider.id)) redirect(SETTINGS);
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { remember: true } });
  const callbackUrl = safeCallbackUrl(values.returnTo, SETTINGS);
  await signOut({ redirect: false });
  const flow = {
    intent: "sign-in",
    provider: provider.id,
    remember: session?.remember ?? false,
    callbackUrl,
  } as const;
  // OpenID Connect's prompt=login: the provider asks for the sign-in again, not only its session.
  const authorizationParams = provider.id === "oidc" ? { prompt: "login" } : undefined;
  const started = await startProviderFlow(provider, flow, { afterwards: callbackUrl, authorizationParams });
  if ("url" in started) redirect(started.url);
  const code =
    started.refused === "throttled" ? (`throttled:${started.retryAfter}` as const) : started.refused;
  redirect(providerSignInErrorUrl(code, provider.id));
}
