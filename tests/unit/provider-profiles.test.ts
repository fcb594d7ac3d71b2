// What a provider's profile may tell sign-in: the identity, and an email only when the
// provider vouches for it (GitHub: primary and verified; Google and OIDC: email_verified).
import { afterEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  Object.assign(process.env, {
    AUTH_GITHUB_ID: "gh-id",
    AUTH_GITHUB_SECRET: "gh-secret",
    AUTH_GOOGLE_ID: "google-id",
    AUTH_GOOGLE_SECRET: "google-secret",
    AUTH_OIDC_ISSUER: "https://id.example.com/realms/latchkey",
    AUTH_OIDC_ID: "oidc-id",
    AUTH_OIDC_SECRET: "oidc-secret",
    AUTH_OIDC_NAME: "Example ID",
  });
});

const { authProviders } = await import("@/lib/providers/auth-providers");
const { configuredProviders } = await import("@/lib/providers/config");
const { emailVerifiedClaim, githubIdentity, oidcIdentity } = await import("@/lib/providers/profiles");

type AnyProvider = {
  id: string;
  checks?: string[];
  idToken?: boolean;
  issuer?: string;
  profile: (profile: unknown, tokens: unknown) => unknown;
  userinfo?: { request: (context: { tokens: { access_token: string } }) => Promise<unknown> };
};
const providers = () =>
  authProviders().map((provider) => {
    const { options, ...defaults } = provider as unknown as AnyProvider & { options?: Partial<AnyProvider> };
    return { ...defaults, ...options } as AnyProvider;
  });
const provider = (id: string) => providers().find((candidate) => candidate.id === id)!;

afterEach(() => vi.unstubAllGlobals());

describe("GitHub", () => {
  const user = { id: 583231, login: "octocat", name: "The Octocat", email: "public@example.com" };

  it("takes the address that is primary and verified, never the public profile's", () => {
    const emails = [
      { email: "old@example.com", primary: false, verified: true },
      { email: "Octo@Example.com", primary: true, verified: true },
    ];
    expect(githubIdentity(user, emails)).toEqual({
      id: "583231",
      name: "The Octocat",
      email: "octo@example.com",
    });
  });

  it("takes no address when the primary one is unverified, or none is primary", () => {
    const unverifiedPrimary = [
      { email: "primary@example.com", primary: true, verified: false },
      { email: "other@example.com", primary: false, verified: true },
    ];
    expect(githubIdentity(user, unverifiedPrimary).email).toBeNull();
    expect(
      githubIdentity(user, [{ email: "x@example.com", primary: false, verified: true }]).email,
    ).toBeNull();
    expect(githubIdentity(user, []).email).toBeNull();
  });

  it("names the person by name, else login; the id is GitHub's numeric id", () => {
    expect(githubIdentity({ id: 7, login: "octocat", name: null }, []).name).toBe("octocat");
    expect(() => githubIdentity({ id: "not-a-number", login: "x" }, [])).toThrow();
  });

  it("asks /user and /user/emails, and the provider's profile keeps only the identity", async () => {
    const fetched: string[] = [];
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      fetched.push(`${url} ${new Headers(init.headers).get("authorization")}`);
      const body = url.endsWith("/user/emails")
        ? [{ email: "octo@example.com", primary: true, verified: true }]
        : user;
      return Response.json(body);
    });
    const github = provider("github");
    expect(github.checks).toEqual(expect.arrayContaining(["pkce", "state"]));
    const profile = await github.userinfo!.request({ tokens: { access_token: "gho_abc" } });
    expect(fetched).toEqual([
      "https://api.github.com/user Bearer gho_abc",
      "https://api.github.com/user/emails Bearer gho_abc",
    ]);
    expect(await github.profile(profile, {})).toEqual({
      id: "583231",
      name: "The Octocat",
      email: "octo@example.com",
      image: null,
    });
  });

  it("has no address when /user/emails is refused (the scope was not granted)", async () => {
    vi.stubGlobal("fetch", async (url: string) =>
      url.endsWith("/user/emails") ? new Response("", { status: 403 }) : Response.json(user),
    );
    const github = provider("github");
    const profile = await github.userinfo!.request({ tokens: { access_token: "gho_abc" } });
    expect(((await github.profile(profile, {})) as { email: unknown }).email).toBeNull();
  });
});

describe("Google and OpenID Connect", () => {
  const claims = { sub: "1098", email: "Ada@Example.com", name: "Ada Lovelace" };

  it('takes the email only with email_verified true, or Google\'s string "true"', () => {
    expect(oidcIdentity({ ...claims, email_verified: true }).email).toBe("ada@example.com");
    expect(oidcIdentity({ ...claims, email_verified: "true" }).email).toBe("ada@example.com");
    for (const verified of [false, "false", undefined, 1, "yes"]) {
      expect(oidcIdentity({ ...claims, email_verified: verified }).email).toBeNull();
      expect(emailVerifiedClaim(verified)).toBe(false);
    }
  });

  it("is identified by sub, and refuses a profile without one", () => {
    expect(oidcIdentity({ ...claims, email_verified: true })).toEqual({
      id: "1098",
      name: "Ada Lovelace",
      email: "ada@example.com",
    });
    expect(() => oidcIdentity({ email: "a@example.com", email_verified: true })).toThrow();
  });

  it("names the person from the claims they have, one line only", () => {
    expect(oidcIdentity({ sub: "1", given_name: "Ada", family_name: "King" }).name).toBe("Ada King");
    expect(oidcIdentity({ sub: "1", preferred_username: "ada" }).name).toBe("ada");
    expect(oidcIdentity({ sub: "1", name: "Ada\nForged: line" }).name).toBe("Ada Forged: line");
    expect(oidcIdentity({ sub: "1" }).name).toBeNull();
  });

  it("drops an address that is not one", () => {
    expect(oidcIdentity({ sub: "1", email: "not an address", email_verified: true }).email).toBeNull();
  });

  it("checks PKCE, state and nonce; the generic provider reads the userinfo endpoint", async () => {
    const google = provider("google");
    const oidc = provider("oidc");
    for (const each of [google, oidc]) expect(each.checks).toEqual(["pkce", "state", "nonce"]);
    expect(oidc.issuer).toBe("https://id.example.com/realms/latchkey");
    expect(oidc.idToken).toBe(false);
    expect(await google.profile({ ...claims, email_verified: "true" }, {})).toEqual({
      id: "1098",
      name: "Ada Lovelace",
      email: "ada@example.com",
      image: null,
    });
  });
});

describe("configured providers", () => {
  it("lists each one whose variables are set, the OIDC one under AUTH_OIDC_NAME", () => {
    expect(configuredProviders()).toEqual([
      { id: "github", name: "GitHub" },
      { id: "google", name: "Google" },
      { id: "oidc", name: "Example ID" },
    ]);
  });
});
