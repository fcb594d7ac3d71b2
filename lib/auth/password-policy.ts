import "server-only";
import { passwordWeakness } from "@/lib/auth/password-weakness";
import { MAX_TOKEN_LENGTH } from "@/lib/auth/token-length";
import { tokenDigest } from "@/lib/auth/token-secret";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { ClientPasswordPolicy, PasswordPolicy } from "@/lib/validations/password-policy";

/**
 * The policy a server action enforces: PASSWORD_MIN_LENGTH, the weakness check (the
 * common-password list and zxcvbn) and any context words (a signed-in user's email and name).
 */
export function serverPasswordPolicy(context: (string | null | undefined)[] = []): PasswordPolicy {
  return { minLength: env.PASSWORD_MIN_LENGTH, weakness: passwordWeakness, context };
}

/**
 * The context words of a reset link's account (its email and name), so a reset is held to
 * the same rules as registration; empty for an unknown or malformed link.
 */
export async function resetLinkContext(secret: unknown): Promise<string[]> {
  if (typeof secret !== "string" || secret.length === 0 || secret.length > MAX_TOKEN_LENGTH) return [];
  const token = await db.authToken.findUnique({
    where: { tokenHash: tokenDigest(secret) },
    select: { purpose: true, email: true, user: { select: { name: true } } },
  });
  if (token?.purpose !== "reset-password") return [];
  return [token.email, token.user.name].filter((value): value is string => Boolean(value));
}

/** The same policy for a client form, minus the weakness check (a page passes it as a prop). */
export function clientPasswordPolicy(context: (string | null | undefined)[] = []): ClientPasswordPolicy {
  return {
    minLength: env.PASSWORD_MIN_LENGTH,
    context: context.filter((value): value is string => Boolean(value)),
  };
}
