// The CSP's form-action: 'self', and the configured providers' authorisation endpoints'
// origins (a provider sign-in is a form posted here that redirects there), nothing else.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { contentSecurityPolicy } from "@/lib/content-security-policy";

const formAction = (policy: string) =>
  policy.split("; ").find((directive) => directive.startsWith("form-action"));

const PROVIDER_VARIABLES = [
  "AUTH_GITHUB_ID",
  "AUTH_GITHUB_SECRET",
  "AUTH_GOOGLE_ID",
  "AUTH_GOOGLE_SECRET",
  "AUTH_OIDC_ISSUER",
  "AUTH_OIDC_ID",
  "AUTH_OIDC_SECRET",
];

beforeEach(() => {
  vi.resetModules();
  for (const name of PROVIDER_VARIABLES) vi.stubEnv(name, "");
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

const sources = async () =>
  (await import("@/lib/providers/authorization-origins")).providerFormActionSources();

describe("form-action", () => {
  it("is 'self' alone without providers", async () => {
    expect(await sources()).toEqual([]);
    expect(formAction(contentSecurityPolicy("n", false, await sources()))).toBe("form-action 'self'");
  });

  it("adds GitHub's and Google's authorisation origins when they are configured", async () => {
    for (const name of PROVIDER_VARIABLES.slice(0, 4)) vi.stubEnv(name, "x");
    expect(await sources()).toEqual(["https://github.com", "https://accounts.google.com"]);
  });

  it("adds the issuer's authorisation endpoint origin from its discovery document, fetched once", async () => {
    vi.stubEnv("AUTH_OIDC_ISSUER", "https://id.example.com/realms/latchkey");
    vi.stubEnv("AUTH_OIDC_ID", "id");
    vi.stubEnv("AUTH_OIDC_SECRET", "secret");
    const fetched: string[] = [];
    vi.stubGlobal("fetch", async (url: URL) => {
      fetched.push(String(url));
      return Response.json({ authorization_endpoint: "https://login.example.net/authorize?x=1" });
    });
    const { providerFormActionSources } = await import("@/lib/providers/authorization-origins");
    expect(await providerFormActionSources()).toEqual(["https://login.example.net"]);
    expect(await providerFormActionSources()).toEqual(["https://login.example.net"]);
    expect(fetched).toEqual(["https://id.example.com/realms/latchkey/.well-known/openid-configuration"]);
    expect(formAction(contentSecurityPolicy("n", false, await providerFormActionSources()))).toBe(
      "form-action 'self' https://login.example.net",
    );
  });

  it("falls back to the issuer's own origin while its discovery document cannot be read", async () => {
    vi.stubEnv("AUTH_OIDC_ISSUER", "https://id.example.com");
    vi.stubEnv("AUTH_OIDC_ID", "id");
    vi.stubEnv("AUTH_OIDC_SECRET", "secret");
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("fetch failed");
    });
    expect(await sources()).toEqual(["https://id.example.com"]);
  });
});
