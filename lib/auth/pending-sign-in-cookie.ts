import "server-only";
import { cookies } from "next/headers";
import { PENDING_SIGN_IN_SECONDS } from "@/lib/auth/pending-sign-in";
import { env } from "@/lib/env";

// Scoped to /login, where the second step lives (/login/two-factor): no other page or API
// ever receives it, and no session check looks for it.
const NAME = "latchkey-pending-sign-in";
const PATH = "/login";
const secure = () => env.AUTH_URL?.startsWith("https:") ?? false;
const cookieName = () => (secure() ? `__Secure-${NAME}` : NAME);

export async function setPendingSignInCookie(secret: string): Promise<void> {
  (await cookies()).set(cookieName(), secret, {
    httpOnly: true,
    secure: secure(),
    sameSite: "lax",
    path: PATH,
    maxAge: PENDING_SIGN_IN_SECONDS,
  });
}

/** This browser's pending sign-in secret, if it has one. */
export async function pendingSignInSecret(): Promise<string | null> {
  return (await cookies()).get(cookieName())?.value ?? null;
}

export async function clearPendingSignInCookie(): Promise<void> {
  (await cookies()).set(cookieName(), "", { path: PATH, maxAge: 0 });
}
