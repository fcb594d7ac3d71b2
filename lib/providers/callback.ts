import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { NextRequest } from "next/server";
import { claimAddressAttempt, refundAddressAttempt } from "@/lib/auth/sign-in-throttle";
import { clientIp } from "@/lib/client-ip";
import { configuredProvider, type ConfiguredProvider } from "@/lib/providers/config";
import { clearedFlowCookie, flowCookieName, readProviderFlow, type ProviderFlow } from "@/lib/providers/flow";
import { providerSignInErrorUrl } from "@/lib/providers/messages";
import type { SecurityContext } from "@/lib/request-context";
import { clipUserAgent } from "@/lib/user-agent";

// A provider's callback (GET /api/auth/callback/<provider>) as Auth.js's route hands it over:
// throttled per address like a password sign-in, with the flow this browser started (its
// sealed cookie) and the request's details at hand for the signIn callback (lib/providers/
// sign-in.ts), and the flow's cookie cleared whatever the answer: it serves one callback.

export type ProviderCallback = {
  provider: ConfiguredProvider;
  /** What this browser started the flow for; null when it carries none (Auth.js's own endpoint). */
  flow: ProviderFlow | null;
  context: SecurityContext;
  /** The callback's Cookie header: connecting checks the session it names. */
  cookieHeader: string;
  /** Set when the callback ended in a session, a second step or a connection: not a failure. */
  succeeded: boolean;
};

const callbacks = new AsyncLocalStorage<ProviderCallback>();

/** The provider callback being handled, inside Auth.js's signIn callback; null elsewhere. */
export const currentProviderCallback = (): ProviderCallback | null => callbacks.getStore() ?? null;

/** The configured provider whose callback this path is, or null. */
export function providerOfCallback(pathname: string): ConfiguredProvider | null {
  const match = /^\/api\/auth\/callback\/([^/]+)\/?$/.exec(pathname);
  return match ? configuredProvider(match[1]) : null;
}

function redirect(location: string, request: NextRequest): Response {
  return new Response(null, {
    status: 302,
    headers: { location: new URL(location, request.url).href, "cache-control": "no-store" },
  });
}

export async function handleProviderCallback(
  request: NextRequest,
  provider: ConfiguredProvider,
  handle: () => Promise<Response>,
): Promise<Response> {
  const context: SecurityContext = {
    at: new Date(),
    ip: clientIp(request.headers),
    userAgent: clipUserAgent(request.headers.get("user-agent")),
    cookieHeader: request.headers.get("cookie"),
  };
  // Counted before anything is checked, given back on success: tampered and replayed
  // callbacks spend the address's sign-in allowance like wrong passwords do.
  const claim = await claimAddressAttempt(context.ip);
  let response: Response;
  if (!claim.ok) {
    response = redirect(providerSignInErrorUrl(`throttled:${claim.retryAfter}`, provider.id), request);
  } else {
    const flow = await readProviderFlow(request.cookies.get(flowCookieName())?.value);
    const state: ProviderCallback = {
      provider,
      // A flow started for another provider is not this callback's (Auth.js checks its own
      // state cookie per provider the same way).
      flow: flow?.provider === provider.id ? flow : null,
      context,
      cookieHeader: request.headers.get("cookie") ?? "",
      succeeded: false,
    };
    response = await callbacks.run(state, handle);
    if (state.succeeded) await refundAddressAttempt(context.ip);
  }
  const headers = new Headers(response.headers);
  headers.append("set-cookie", clearedFlowCookie());
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
