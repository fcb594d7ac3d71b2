import "server-only";
import { signIn } from "@/auth";
import { issuingSession } from "@/lib/auth/issued-session";
import { signInFailure, type SignInFailure } from "@/lib/auth/sign-in-errors";
import { makeSessionCookieEphemeral } from "@/lib/auth/session-cookie-store";

/**
 * Signs in from a server action through the same Credentials provider (and so the same
 * checks) as Auth.js's own endpoint. Returns null on success, else why it failed.
 */
export async function signInWithPassword(
  email: string,
  password: string,
  remember: boolean,
): Promise<SignInFailure | null> {
  let issued: { remember: boolean } | null;
  try {
    const credentials = { email, password, remember: String(remember), redirect: false };
    ({ issued } = await issuingSession(() => signIn("credentials", credentials)));
  } catch (error) {
    const failure = signInFailure(error);
    if (failure) return failure;
    throw error;
  }
  // As the issued session decided (lib/auth/issued-session.ts).
  if (issued && !issued.remember) await makeSessionCookieEphemeral();
  return null;
}
