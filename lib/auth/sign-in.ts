import "server-only";
import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { makeSessionCookieEphemeral } from "@/lib/auth/session-cookie-store";

/**
 * Signs in from a server action through the same Credentials provider (and so the same
 * checks) as Auth.js's own endpoint. Returns false for wrong credentials.
 */
export async function signInWithPassword(email: string, password: string, remember: boolean) {
  try {
    await signIn("credentials", { email, password, remember: String(remember), redirect: false });
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") return false;
    throw error;
  }
  if (!remember) await makeSessionCookieEphemeral();
  return true;
}
