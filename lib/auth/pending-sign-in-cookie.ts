import "server-only";
import { cookies } from "next/headers";
import { PENDING_SIGN_IN_SECONDS } from "@/lib/auth/pending-sign-in";
import { prefixedCookieName, secureCookies } from "@/lib/cookies";

// Scoped to /login, where the second step lives (/login/two-factor): no other page or API
// ever receives it, and no session check looks for it.
const PATH = "/login";
const cookieName = () => prefixedCookieName("latchkey-pending-sign-in", "__Secure-");

const options = (maxAge: number) =>
  ({ httpOnly: true, secure: secureCookies(), sameSite: "lax", path: PATH, maxAge }) as const;

export async function setPendingSignInCookie(secret: string): Promise<void> {
  (await cookies()).set(cookieName(), secret, options(PENDING_SIGN_IN_SECONDS));
}

/** This browser's pending sign-in secret, if it has one. */
export async function pendingSignInSecret(): Promise<string | null> {
  return (await cookies()).get(cookieName())?.value ?? null;
}

/** A browser drops a `__Secure-` cookie only when told so with the same Secure flag. */
export async function clearPendingSignInCookie(): Promise<void> {
  (await cookies()).set(cookieName(), "", options(0));
}
