import "server-only";
import type { User } from "next-auth";
import { completeSignIn } from "@/lib/auth/complete-sign-in";
import { isEmailVerified, sendVerificationEmail } from "@/lib/auth/email-verification";
import { assertHashingCapacity } from "@/lib/auth/password";
import { judgePassword } from "@/lib/auth/password-attempt";
import { beginPendingSignIn } from "@/lib/auth/pending-sign-in";
import { setPendingSignInCookie } from "@/lib/auth/pending-sign-in-cookie";
import {
  EmailNotVerifiedError,
  SignInThrottledError,
  TwoFactorRequiredError,
} from "@/lib/auth/sign-in-errors";
import { clientIp } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { hasTwoFactor } from "@/lib/second-factor/authenticator-app";
import { clipUserAgent } from "@/lib/user-agent";
import { findUserForSignIn } from "@/lib/users";
import { loginSchema } from "@/lib/validations/auth";

/**
 * The Credentials provider's check, for both ways in: the login server action and
 * Auth.js's own POST /api/auth/callback/credentials. On success it opens a session row
 * and hands its secret to the jwt callback, unless the account has a second factor (then
 * only a pending sign-in); on any failure it returns null.
 */
export async function authorizeCredentials(input: unknown, request: Request): Promise<User | null> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password, remember } = parsed.data;
  const ip = clientIp(request.headers);
  const userAgent = clipUserAgent(request.headers.get("user-agent"));
  const cookieHeader = request.headers.get("cookie");
  const context = { at: new Date(), ip, userAgent, cookieHeader };
  assertHashingCapacity(); // a full hashing pool: 503 at once, no database work (lib/auth/hash-pool.ts)
  // Throttled per account and per address before any password is checked (the same
  // answer for known and unknown emails); see lib/auth/sign-in-throttle.ts.
  const judged = await judgePassword(email, await findUserForSignIn(email), password, context, "password");
  if (judged.outcome === "throttled") throw new SignInThrottledError(judged.retryAfter);
  if (judged.outcome === "wrong") return null;
  const { user } = judged;
  // Only now, after the password matched, may the answer differ for an unverified account.
  if (env.AUTH_REQUIRE_VERIFIED_EMAIL && !(await isEmailVerified(user))) {
    await sendVerificationEmail(user, { throttle: true });
    throw new EmailNotVerifiedError();
  }
  const proof = { method: "password", factors: ["password"] };
  // A second factor is owed: this browser gets a pending sign-in, never a session, and goes on
  // to /login/two-factor (the server action and lib/auth/sign-in-status.ts send it there).
  if (user.twoFactor ?? (await hasTwoFactor(user.id))) {
    // The login action's `returnTo` (its signIn() sets `callbackUrl` itself, to the Referer);
    // from Auth.js's own endpoint, the posted `callbackUrl`. Same-origin paths only, either way.
    const { returnTo, callbackUrl } = input as { returnTo?: unknown; callbackUrl?: unknown };
    await setPendingSignInCookie(
      await beginPendingSignIn(user, { proof, remember, callbackUrl: returnTo ?? callbackUrl }),
    );
    throw new TwoFactorRequiredError();
  }
  const sessionSecret = await completeSignIn(user, proof, { remember, context });
  // Null: the password was changed or reset while this one was being checked.
  if (!sessionSecret) return null;
  return { id: user.id, name: user.name, email: user.email, sessionSecret };
}
