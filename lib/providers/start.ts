import "server-only";
import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { clientIp, rateLimitAddress } from "@/lib/client-ip";
import { env } from "@/lib/env";
import type { ConfiguredProvider } from "@/lib/providers/config";
import { setProviderFlow, type ProviderFlow } from "@/lib/providers/flow";
import { consumeAll } from "@/lib/rate-limit";

export type StartResult =
  { url: string } | { refused: "throttled"; retryAfter: number } | { refused: "busy" };

/**
 * Sends this browser to the provider: the flow's sealed cookie, then Auth.js's own sign-in
 * (its state, PKCE and nonce cookies, and the authorisation URL, found by discovery for
 * OpenID Connect). Returns the provider's URL to redirect to, or why not: too many starts from
 * this address (each costs the provider a discovery request), or the provider unreachable.
 */
export async function startProviderFlow(
  provider: ConfiguredProvider,
  flow: ProviderFlow,
  { afterwards, authorizationParams }: { afterwards: string; authorizationParams?: Record<string, string> },
): Promise<StartResult> {
  const address = clientIp(await headers());
  if (address) {
    const rule = { limit: env.RATE_LIMIT_SIGN_IN_PER_ADDRESS, windowSeconds: 60 };
    const counted = await consumeAll([[`provider-start:address:${rateLimitAddress(address)}`, rule]]);
    if (!counted.ok) return { refused: "throttled", retryAfter: counted.retryAfter };
  }
  await setProviderFlow(flow);
  try {
    const url: string = await signIn(
      provider.id,
      { redirectTo: afterwards, redirect: false },
      authorizationParams,
    );
    return { url };
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    console.error(`[auth] ${provider.id} sign-in could not start: ${error.message}`);
    return { refused: "busy" }; // e.g. the issuer's discovery failed
  }
}
