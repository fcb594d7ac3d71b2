import "server-only";
import type { AdminActor } from "@/lib/admin/guard";
import { changeCredentials } from "@/lib/auth/credential-change";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import type { SecurityContext } from "@/lib/request-context";
import { secondFactorThrottleKey } from "@/lib/second-factor/code-check";

export type ResetResult = "reset" | "not-enabled" | "not-found" | "self";

/**
 * For a person who lost every factor: the authenticator app and every recovery code go, and,
 * as for any change of credentials, every session, pending sign-in and emailed link ends, so
 * nothing proven with the old factors outlives them. The owner is mailed. An admin's own
 * two-factor is switched off in Settings, with the password and a code, never from here.
 */
export async function resetTwoFactor(
  actor: AdminActor,
  userId: string,
  context: SecurityContext,
): Promise<ResetResult> {
  if (actor.id === userId) return "self";
  const result = await db.$transaction(async (tx) => {
    const [target] = await tx.$queryRaw<
      { email: string; name: string | null; locale: string | null; disabledAt: Date | null }[]
    >`
      SELECT "email", "name", "locale", "disabledAt" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (!target) return "not-found" as const;
    const { count } = await tx.totpCredential.deleteMany({ where: { userId, enabledAt: { not: null } } });
    if (count === 0) return "not-enabled" as const;
    await tx.recoveryCode.deleteMany({ where: { userId } });
    // The admin vouches for the person: a new app starts with a clean count of wrong codes.
    await tx.signInFailure.deleteMany({ where: { email: secondFactorThrottleKey(userId) } });
    // A locked account has nothing open to end (and changeCredentials leaves it alone).
    if (!target.disabledAt) await changeCredentials(tx, userId, {});
    return target;
  });
  if (typeof result === "string") return result;
  await recordEvent(
    { kind: "two-factor.reset", userId, context, actor: { type: "admin", id: actor.id } },
    { to: result, data: {} },
  );
  return "reset";
}
