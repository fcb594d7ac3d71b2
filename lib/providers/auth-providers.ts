import "server-only";
import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { env } from "@/lib/env";
import { configuredProviders } from "@/lib/providers/config";
import { githubIdentity, oidcIdentity, type GitHubEmail, type GitHubUser } from "@/lib/providers/profiles";

// Auth.js's providers for the configured ways in (lib/providers/config.ts). Each checks PKCE
// and state; the OpenID Connect ones the nonce too. Their profile() keeps only the identity
// and a verified email (lib/providers/profiles.ts); the tokens are used for that and dropped.

const GITHUB_API = "https://api.github.com";

async function githubJson(path: string, accessToken: string): Promise<unknown> {
  const response = await fetch(`${GITHUB_API}${path}`, {
    headers: {
      authorization: `Bearer ${accessToken}`,
      accept: "application/vnd.github+json",
      "user-agent": "Latchkey",
    },
  });
  if (!response.ok) throw new Error(`GitHub ${path} answered ${response.status}`);
  return response.json();
}

/** GitHub's /user and /user/emails together: the emails say which one is primary and verified. */
export async function fetchGitHubProfile(
  accessToken: string,
): Promise<GitHubUser & { emails: GitHubEmail[] }> {
  const user = (await githubJson("/user", accessToken)) as GitHubUser;
  // Without the user:email scope granted this fails: no address, rather than an unverified one.
  const emails = await githubJson("/user/emails", accessToken).catch(() => []);
  return { ...user, emails: Array.isArray(emails) ? (emails as GitHubEmail[]) : [] };
}

const oidcChecks: ("pkce" | "state" | "nonce")[] = ["pkce", "state", "nonce"];

export function authProviders(): Provider[] {
  return configuredProviders().map(({ id, name }): Provider => {
    switch (id) {
      case "github":
        return GitHub({
          clientId: env.AUTH_GITHUB_ID,
          clientSecret: env.AUTH_GITHUB_SECRET,
          checks: ["pkce", "state"],
          userinfo: {
            url: `${GITHUB_API}/user`,
            request: ({ tokens }: { tokens: { access_token?: string } }) =>
              fetchGitHubProfile(tokens.access_token ?? ""),
          },
          profile: (profile) => {
            const { emails, ...user } = profile as unknown as GitHubUser & { emails: GitHubEmail[] };
            return { ...githubIdentity(user, emails), image: null };
          },
        });
      case "google":
        return Google({
          clientId: env.AUTH_GOOGLE_ID,
          clientSecret: env.AUTH_GOOGLE_SECRET,
          checks: oidcChecks,
          profile: (claims) => ({ ...oidcIdentity(claims), image: null }),
        });
      case "oidc":
        return {
          id: "oidc",
          name,
          type: "oidc",
          issuer: env.AUTH_OIDC_ISSUER,
          clientId: env.AUTH_OIDC_ID,
          clientSecret: env.AUTH_OIDC_SECRET,
          checks: oidcChecks,
          authorization: { params: { scope: "openid profile email" } },
          // The claims from the userinfo endpoint, whose `sub` must match the validated ID
          // token's: an issuer need not repeat email and name in the ID token itself.
          idToken: false,
          profile: (claims) => ({ ...oidcIdentity(claims), image: null }),
        };
    }
  });
}
