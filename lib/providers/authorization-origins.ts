// Edge-safe: used by middleware.ts for the Content-Security-Policy's form-action. Signing in
// with a provider is a form posted to this site that redirects to the provider's authorisation
// endpoint, and form-action governs every redirect of a form submission: the configured
// providers' authorisation origins are allowed, and nothing else. Reads the environment as
// it is (lib/edge-env.ts); lib/env.ts has validated the same variables at start.

const GITHUB = "https://github.com";
const GOOGLE = "https://accounts.google.com";
const DISCOVERED_FOR_MS = 60 * 60_000;
const RETRY_AFTER_MS = 60_000;

let discovered: { issuer: string; origins: string[]; until: number } | null = null;

const set = (name: string) => Boolean(process.env[name]);

/** Where the issuer's discovery document is (RFC 8414 §3 as oauth4webapi builds it). */
function discoveryUrl(issuer: URL): URL {
  const url = new URL(issuer);
  url.pathname = `${url.pathname.replace(/\/$/, "")}/.well-known/openid-configuration`;
  return url;
}

/** The issuer's authorisation endpoint origin, from its discovery document, cached for an hour. */
async function oidcOrigins(issuer: string): Promise<string[]> {
  if (discovered?.issuer === issuer && discovered.until > Date.now()) return discovered.origins;
  const issuerUrl = new URL(issuer);
  let origins = [issuerUrl.origin];
  let until = Date.now() + RETRY_AFTER_MS;
  try {
    const response = await fetch(discoveryUrl(issuerUrl), { signal: AbortSignal.timeout(3000) });
    const { authorization_endpoint: endpoint } = (await response.json()) as {
      authorization_endpoint?: unknown;
    };
    if (response.ok && typeof endpoint === "string") {
      origins = [new URL(endpoint).origin];
      until = Date.now() + DISCOVERED_FOR_MS;
    }
  } catch {
    // Unreachable for now: the issuer's own origin, asked again in a minute.
  }
  discovered = { issuer, origins, until };
  return origins;
}

/** The form-action sources the configured providers need, beyond 'self'. */
export async function providerFormActionSources(): Promise<string[]> {
  const sources: string[] = [];
  if (set("AUTH_GITHUB_ID") && set("AUTH_GITHUB_SECRET")) sources.push(GITHUB);
  if (set("AUTH_GOOGLE_ID") && set("AUTH_GOOGLE_SECRET")) sources.push(GOOGLE);
  const issuer = process.env.AUTH_OIDC_ISSUER;
  if (issuer && set("AUTH_OIDC_ID") && set("AUTH_OIDC_SECRET")) {
    try {
      sources.push(...(await oidcOrigins(issuer)));
    } catch {
      // Not a URL: lib/env.ts stops the start with a clear message.
    }
  }
  return [...new Set(sources)];
}
