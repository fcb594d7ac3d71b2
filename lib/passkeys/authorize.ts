import "server-only";
import type { User } from "next-auth";
import { completeSignIn } from "@/lib/auth/complete-sign-in";
import { clientIp } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { provePasskey } from "@/lib/passkeys/authentication";
import { clipUserAgent } from "@/lib/user-agent";
import { passkeySignInSchema } from "@/lib/validations/passkeys";

/**
 * The passkey provider's check (auth.ts), for the login page's action and Auth.js's own
 * POST /api/auth/callback/passkey alike. A passkey with user verification is something the
 * user has and something they are or know: both factors at once, so no second step follows.
 * Every failure is the same null; the assertion itself is never logged.
 */
export async function authorizePasskey(input: unknown, request: Request): Promise<User | null> {
  const parsed = passkeySignInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { response, remember } = parsed.data;
  const context = {
    at: new Date(),
    ip: clientIp(request.headers),
    userAgent: clipUserAgent(request.headers.get("user-agent")),
    cookieHeader: request.headers.get("cookie"),
  };
  const account = await provePasskey(response, context);
  if (!account) return null;
  if (env.AUTH_REQUIRE_VERIFIED_EMAIL && !account.emailVerified) return null;
  const { emailVerified: _verified, ...user } = account;
  const proof = { method: "passkey", factors: ["passkey"] };
  const sessionSecret = await completeSignIn(user, proof, { remember, context });
  if (!sessionSecret) return null;
  return { id: user.id, name: user.name, email: user.email, sessionSecret };
}
