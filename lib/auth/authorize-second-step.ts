import "server-only";
import type { User } from "next-auth";
import { completeSignIn } from "@/lib/auth/complete-sign-in";
import { peekPendingSignIn, takePendingSignIn } from "@/lib/auth/pending-sign-in";
import { SignInExpiredError, SignInThrottledError } from "@/lib/auth/sign-in-errors";
import { clientIp } from "@/lib/client-ip";
import { judgeCode } from "@/lib/second-factor/code-check";
import { clipUserAgent } from "@/lib/user-agent";
import { findSignInAccountById } from "@/lib/users";
import { secondStepSchema } from "@/lib/validations/two-factor";

/**
 * The second step's check (Auth.js's "two-factor" Credentials provider, from /login/two-factor's
 * action or POST /api/auth/callback/two-factor): the pending sign-in's secret and a code.
 * A wrong code leaves the pending sign-in as it was (wrong codes are counted per account); a
 * right one uses it up, and the session opens with every factor proven on the way.
 */
export async function authorizeSecondStep(input: unknown, request: Request): Promise<User | null> {
  const parsed = secondStepSchema.safeParse(input);
  if (!parsed.success) return null;
  const { pending: secret, code } = parsed.data;
  const pending = await peekPendingSignIn(secret);
  if (!pending) throw new SignInExpiredError();
  const account = await findSignInAccountById(pending.userId);
  if (!account) throw new SignInExpiredError();
  const context = {
    at: new Date(),
    ip: clientIp(request.headers),
    userAgent: clipUserAgent(request.headers.get("user-agent")),
    cookieHeader: request.headers.get("cookie"),
  };
  const judged = await judgeCode(account, code, context, "sign-in");
  if (judged.outcome === "throttled") throw new SignInThrottledError(judged.retryAfter);
  if (judged.outcome === "wrong") return null;
  // One use: of two right codes at once, one gets it. Null also when a reset came in between.
  const taken = await takePendingSignIn(secret);
  if (!taken || taken.userId !== account.id) throw new SignInExpiredError();
  const { id, name, email } = account;
  const user = { id, name, email, credentialVersion: taken.credentialVersion };
  const proof = { method: taken.proof.method, factors: [...taken.proof.factors, judged.factor] };
  const sessionSecret = await completeSignIn(user, proof, { remember: taken.remember, context });
  if (!sessionSecret) throw new SignInExpiredError();
  return { id, name, email, sessionSecret };
}
