import "server-only";
import { signIn } from "@/auth";
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
  try {
    await signIn("credentials", { email, password, remember: String(remember), redirect: false });
  } catch (error) {
    const failure = signInFailure(error);
    if (failure) return failure;
    throw error;
  }
  if (!remember) await makeSessionCookieEphemeral();
  return null;
}
