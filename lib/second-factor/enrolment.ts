import "server-only";
import { checkCurrentPassword, type PasswordRefusal } from "@/lib/account/current-password";
import type { AccountHolder } from "@/lib/account/change-password";
import { changeCredentials } from "@/lib/auth/credential-change";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import type { SecurityContext } from "@/lib/request-context";
import { pendingTotpSetup } from "@/lib/second-factor/authenticator-app";
import { judgeCode } from "@/lib/second-factor/code-check";
import { replaceRecoveryCodes } from "@/lib/second-factor/recovery-codes";
import { matchingStep } from "@/lib/second-factor/totp";

/**
 * Why a change to the second factor was refused, beyond a refused current password: a wrong
 * code, a set-up that expired (or never began), a parallel change that came first, or too
 * many wrong codes.
 */
export type CodeRefusal = "wrong-code" | "no-setup" | "conflict" | { throttled: number };

/**
 * Switches the app being set up on: after the current password and a first right code from
 * it. In one transaction: the app on (its code's step used), ten new recovery codes, and a
 * change of credentials (every other session ends, so one opened with the password alone
 * does not outlive the change; pending sign-ins and emailed links are voided). Returns the
 * recovery codes, to be shown once.
 */
export async function enableTwoFactor(
  user: AccountHolder,
  keepSessionId: string,
  { code, currentPassword }: { code: string; currentPassword: string },
  context: SecurityContext,
): Promise<{ recoveryCodes: string[] } | CodeRefusal | PasswordRefusal> {
  const check = await checkCurrentPassword(user.id, currentPassword, context, keepSessionId);
  if ("refused" in check) return check;
  const setup = await pendingTotpSetup(user.id);
  if (!setup) return "no-setup";
  const step = await matchingStep(setup.secret, code.replace(/\s+/g, ""));
  if (step === null) return "wrong-code";
  const recoveryCodes = await orConflict(
    db.$transaction(async (tx) => {
      // Only the set-up whose code was checked: a set-up started again in between has another secret.
      const { count } = await tx.totpCredential.updateMany({
        where: { userId: user.id, secret: setup.sealed, enabledAt: null },
        data: { enabledAt: context.at, lastUsedStep: step },
      });
      const expectedVersion = check.credentialVersion;
      if (count === 0 || !(await changeCredentials(tx, user.id, {}, { expectedVersion, keepSessionId }))) {
        throw new ConflictError();
      }
      return replaceRecoveryCodes(tx, user.id);
    }),
  );
  if (recoveryCodes === "conflict") return "conflict";
  await recordEvent({ kind: "two-factor.enabled", userId: user.id, context }, { to: user, data: {} });
  return { recoveryCodes };
}

/** Thrown inside a transaction to roll it back when a parallel change came first. */
class ConflictError extends Error {}

const orConflict = <T>(work: Promise<T>): Promise<T | "conflict"> =>
  work.catch((error: unknown) => {
    if (error instanceof ConflictError) return "conflict" as const;
    throw error;
  });

/** The current password, then a code from the app or a recovery code (used up when right). */
async function proveBoth(
  user: AccountHolder,
  { code, currentPassword }: { code: string; currentPassword: string },
  context: SecurityContext,
  sessionId?: string,
): Promise<{ credentialVersion: number } | CodeRefusal | PasswordRefusal> {
  const check = await checkCurrentPassword(user.id, currentPassword, context, sessionId);
  if ("refused" in check) return check;
  const judged = await judgeCode(
    { ...user, credentialVersion: check.credentialVersion },
    code,
    context,
    "settings",
  );
  if (judged.outcome === "throttled") return { throttled: judged.retryAfter };
  if (judged.outcome === "wrong") return "wrong-code";
  return check;
}

/**
 * Switches two-factor sign-in off: the app and every recovery code go, and, as for any change
 * of credentials, every other session ends.
 */
export async function disableTwoFactor(
  user: AccountHolder,
  keepSessionId: string,
  proof: { code: string; currentPassword: string },
  context: SecurityContext,
): Promise<"disabled" | CodeRefusal | PasswordRefusal> {
  const proven = await proveBoth(user, proof, context, keepSessionId);
  if (typeof proven === "string" || !("credentialVersion" in proven)) return proven;
  const disabled = await orConflict(
    db.$transaction(async (tx) => {
      const { count } = await tx.totpCredential.deleteMany({ where: { userId: user.id } });
      await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
      const expectedVersion = proven.credentialVersion;
      if (count === 0 || !(await changeCredentials(tx, user.id, {}, { expectedVersion, keepSessionId }))) {
        throw new ConflictError(); // rolls the deletions back
      }
      return "disabled" as const;
    }),
  );
  if (disabled === "conflict") return "conflict";
  await recordEvent({ kind: "two-factor.disabled", userId: user.id, context }, { to: user, data: {} });
  return "disabled";
}

/** A new set of recovery codes; the old set stops working at once. */
export async function regenerateRecoveryCodes(
  user: AccountHolder,
  proof: { code: string; currentPassword: string },
  context: SecurityContext,
  sessionId?: string,
): Promise<{ recoveryCodes: string[] } | CodeRefusal | PasswordRefusal> {
  const proven = await proveBoth(user, proof, context, sessionId);
  if (typeof proven === "string" || !("credentialVersion" in proven)) return proven;
  const recoveryCodes = await orConflict(
    db.$transaction(async (tx) => {
      // Held until the new set is in, so a parallel switch-off cannot leave codes without an app.
      const app = await tx.$queryRaw<unknown[]>`
        SELECT 1 FROM "TotpCredential" WHERE "userId" = ${user.id} AND "enabledAt" IS NOT NULL FOR UPDATE`;
      if (app.length === 0) throw new ConflictError();
      return replaceRecoveryCodes(tx, user.id);
    }),
  );
  if (recoveryCodes === "conflict") return "conflict";
  await recordEvent({ kind: "recovery-codes.regenerated", userId: user.id, context }, { to: user, data: {} });
  return { recoveryCodes };
}
