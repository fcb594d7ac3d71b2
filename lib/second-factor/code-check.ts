import "server-only";
import { trustedDevice } from "@/lib/auth/device-cookie";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  claimSignInAttempt,
  HARD_STOP,
  LOCK_FROM,
  LOCK_SECONDS,
  signInSucceeded,
  type SignInAttempt,
} from "@/lib/auth/sign-in-throttle";
import { recordEvent } from "@/lib/events/record";
import type { SecurityContext } from "@/lib/request-context";
import { acceptTotpCode } from "@/lib/second-factor/authenticator-app";
import { appCode } from "@/lib/second-factor/code-format";
import { spendRecoveryCode } from "@/lib/second-factor/recovery-codes";

export type SecondFactor = "totp" | "recovery-code";
export type CodeJudgement =
  | { outcome: "accepted"; factor: SecondFactor }
  | { outcome: "wrong" }
  | { outcome: "throttled"; retryAfter: number };

type CodeHolder = { id: string; email: string; name: string | null; credentialVersion: number };

/**
 * Wrong codes count per account, never per pending sign-in (starting over resets nothing),
 * under the same delays and locks as wrong passwords (lib/auth/sign-in-throttle.ts), in the
 * same table under a key no email can take.
 */
export const secondFactorThrottleKey = (userId: string) => `second-factor:${userId}`;

/**
 * A password reset proves the mailbox, not the second factor: it must not buy fresh guesses
 * at the code (one reset, ten guesses). It only lifts the hard stop, to an ordinary lock.
 */
export async function liftSecondFactorHardStop(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "SignInFailure"
    SET "failures" = ${LOCK_FROM}, "lockedUntil" = now() + make_interval(secs => ${LOCK_SECONDS})
    WHERE "email" = ${secondFactorThrottleKey(userId)} AND "failures" >= ${HARD_STOP}`;
}

/**
 * One code checked for an account, for every place a second factor is asked for (the second
 * sign-in step, and disabling or regenerating in settings): counted before it is judged, so
 * parallel guesses cannot slip past the lock, and used up when right (an app code's step, a
 * recovery code). A recovery code's use mails the owner; a lock starting does too.
 */
export async function judgeCode(
  account: CodeHolder,
  code: string,
  context: SecurityContext,
  purpose: "sign-in" | "settings",
): Promise<CodeJudgement> {
  const device = trustedDevice(context.cookieHeader ?? null, account);
  const claim = await claimSignInAttempt(secondFactorThrottleKey(account.id), context.ip, device);
  if (!claim.ok) return { outcome: "throttled", retryAfter: claim.retryAfter };
  const digits = appCode(code);
  const remaining = digits ? null : await spendRecoveryCode(account.id, code);
  const accepted = digits ? await acceptTotpCode(account.id, digits) : remaining !== null;
  if (!accepted) {
    await recordEvent({ kind: "two-factor.failed", userId: account.id, context, details: { purpose } });
    await lockStarted(claim.attempt, account, context);
    return { outcome: "wrong" };
  }
  await signInSucceeded(claim.attempt);
  if (remaining !== null) {
    const event = {
      kind: "recovery-code.used",
      userId: account.id,
      context,
      details: { purpose, remaining },
    } as const;
    await recordEvent(event, { to: account, data: { remaining } });
  }
  return { outcome: "accepted", factor: digits ? "totp" : "recovery-code" };
}

/** The failure that starts the lock (or its hard stop) tells the owner: their password is known. */
async function lockStarted(attempt: SignInAttempt, account: CodeHolder, context: SecurityContext) {
  if (attempt.failures !== LOCK_FROM && attempt.failures !== HARD_STOP) return;
  const until = attempt.failures >= HARD_STOP ? null : new Date(Date.now() + LOCK_SECONDS * 1000);
  await recordEvent(
    {
      kind: "two-factor.locked",
      userId: account.id,
      context,
      actor: { type: "system" },
      details: { failures: attempt.failures, until: until?.toISOString() ?? "password reset" },
    },
    { to: account, data: { until } },
  );
}
