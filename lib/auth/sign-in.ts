import "server-only";
import { signIn } from "@/auth";
import { issuingSession } from "@/lib/auth/issued-session";
import { signInFailure, type SignInFailure } from "@/lib/auth/sign-in-errors";
import { makeSessionCookieEphemeral } from "@/lib/auth/session-cookie-store";

/** Auth.js's Credentials providers (auth.ts): the password, the second step, a passkey. */
type SignInWay = "credentials" | "two-factor" | "passkey";

/**
 * Signs in from a server action through one of the Credentials providers, and so through
 * the same checks as Auth.js's own endpoint for it. Returns null on success, else why it
 * failed.
 */
export async function signInThrough(
  way: SignInWay,
  fields: Record<string, string>,
): Promise<SignInFailure | null> {
  let issued: { remember: boolean } | null;
  try {
    ({ issued } = await issuingSession(() => signIn(way, { ...fields, redirect: false })));
  } catch (error) {
    const failure = signInFailure(error);
    if (failure) return failure;
    throw error;
  }
  // As the issued session decided (lib/auth/issued-session.ts).
  if (issued && !issued.remember) await makeSessionCookieEphemeral();
  return null;
}

/** The password step; for an account with two-factor sign-in it ends in `reason: "two-factor"`. */
export function signInWithPassword(
  email: string,
  password: string,
  remember: boolean,
  returnTo = "/dashboard",
): Promise<SignInFailure | null> {
  return signInThrough("credentials", { email, password, remember: String(remember), returnTo });
}
