import "server-only";
import { env } from "@/lib/env";

/** The ways in through another service, by their Auth.js provider ids (the callback paths). */
export type ProviderId = "github" | "google" | "oidc";

export const PROVIDER_IDS: readonly ProviderId[] = ["github", "google", "oidc"];

export const isProviderId = (value: unknown): value is ProviderId =>
  PROVIDER_IDS.includes(value as ProviderId);

export type ConfiguredProvider = { id: ProviderId; name: string };

export const DEFAULT_OIDC_NAME = "OpenID Connect";

/**
 * The providers whose variables are set (lib/env.ts refuses half a configuration), in the
 * order their buttons appear. Everything that offers or accepts a provider asks this list.
 */
export function configuredProviders(): ConfiguredProvider[] {
  const providers: ConfiguredProvider[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) providers.push({ id: "github", name: "GitHub" });
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) providers.push({ id: "google", name: "Google" });
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    providers.push({ id: "oidc", name: env.AUTH_OIDC_NAME ?? DEFAULT_OIDC_NAME });
  }
  return providers;
}

/** The configured provider with this id, or null: ids from forms and URLs are checked here. */
export function configuredProvider(id: unknown): ConfiguredProvider | null {
  return configuredProviders().find((provider) => provider.id === id) ?? null;
}

/**
 * A provider's name for messages, configured or not (an account may outlive its
 * configuration); never the text it was given, which may come from a URL.
 */
export function providerName(id: string): string {
  if (id === "github") return "GitHub";
  if (id === "google") return "Google";
  if (id === "oidc") return env.AUTH_OIDC_NAME ?? DEFAULT_OIDC_NAME;
  return "your provider";
}
