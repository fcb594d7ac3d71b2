import { emailField, MAX_NAME_LENGTH } from "@/lib/validations/fields";

// What a provider's profile may tell us, by one rule: the identity is the provider's own id
// for the person (GitHub's numeric id, OpenID Connect's `sub`), never the email; an email is
// taken only when the provider vouches that this person controls it.

/** A provider's person as sign-in uses them: `email` is null unless the provider verified it. */
export type ProviderIdentity = { id: string; name: string | null; email: string | null };

/** A well-formed address in the one stored form (lib/email.ts), or null. */
function usableEmail(value: unknown): string | null {
  const parsed = emailField.safeParse(value);
  return parsed.success ? parsed.data : null;
}

// Names are one line (lib/validations/fields.ts nameField): control and bidi characters go.
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

function usableName(...candidates: unknown[]): string | null {
  for (const candidate of candidates) {
    if (typeof candidate !== "string") continue;
    const name = [...candidate.replace(NOT_ONE_LINE, " ").trim()].slice(0, MAX_NAME_LENGTH).join("").trim();
    if (name) return name;
  }
  return null;
}

export type GitHubUser = { id: number | string; login?: string; name?: string | null };
export type GitHubEmail = { email: string; primary?: boolean; verified?: boolean };

/**
 * GitHub: the address that is both primary and verified (GET /user/emails), or none. The
 * profile's public `email` is neither checked for verification nor necessarily the
 * primary one, so it is never used.
 */
export function githubIdentity(user: GitHubUser, emails: readonly GitHubEmail[]): ProviderIdentity {
  const id = String(user.id ?? "");
  if (!/^\d+$/.test(id)) throw new TypeError("GitHub profile without a numeric id");
  const primary = emails.find((entry) => entry.primary === true && entry.verified === true);
  return { id, name: usableName(user.name, user.login), email: usableEmail(primary?.email) };
}

/** OpenID Connect's `email_verified`; Google has been seen sending the string "true". */
export function emailVerifiedClaim(value: unknown): boolean {
  return value === true || value === "true";
}

/** Google and any OpenID Connect provider: `sub`, and the email only with `email_verified` true. */
export function oidcIdentity(claims: Record<string, unknown>): ProviderIdentity {
  const { sub } = claims;
  if (typeof sub !== "string" || sub.length === 0 || sub.length > 255) {
    throw new TypeError("OpenID Connect profile without a usable sub");
  }
  const given = [claims.given_name, claims.family_name].filter((part) => typeof part === "string").join(" ");
  return {
    id: sub,
    name: usableName(claims.name, given, claims.preferred_username, claims.nickname),
    email: emailVerifiedClaim(claims.email_verified) ? usableEmail(claims.email) : null,
  };
}
