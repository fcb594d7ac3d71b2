import "server-only";
import { checkCurrentPassword, type PasswordRefusal } from "@/lib/account/current-password";
import { db } from "@/lib/db";
import type { SecurityContext } from "@/lib/request-context";
import { hasTwoFactor } from "@/lib/second-factor/authenticator-app";
import { judgeCode } from "@/lib/second-factor/code-check";

/** Admin actions need the session to have proven who is at the keyboard this recently. */
export const PROOF_WINDOW_SECONDS = 10 * 60;

/** Whether the session's sign-in, or its last "Confirm it's you", is within the window. */
export async function provenRecently(sessionId: string, now = Date.now()): Promise<boolean> {
  const since = new Date(now - PROOF_WINDOW_SECONDS * 1000);
  return (await db.session.count({ where: { id: sessionId, provenAt: { gt: since } } })) > 0;
}

/** What "Confirm it's you" can ask this account for. */
export type ProofOptions = { hasPassword: boolean; twoFactor: boolean };

export async function proofOptions(userId: string): Promise<ProofOptions> {
  const [user, twoFactor] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } }),
    hasTwoFactor(userId),
  ]);
  return { hasPassword: Boolean(user?.passwordHash), twoFactor };
}

export type ProofRefusal = PasswordRefusal | "wrong-code" | "no-password" | { throttled: number };

type Admin = { id: string; email: string; name: string | null };

/**
 * Checks the current password, or (two-factor accounts only) a code, and on success marks the
 * session proven now. Both checks count towards the account's lockout, like a sign-in, so a
 * stolen session cannot guess faster here than at the sign-in form.
 */
export async function confirmIdentity(
  admin: Admin,
  sessionId: string,
  { currentPassword, code }: { currentPassword?: string; code?: string },
  context: SecurityContext,
): Promise<"proven" | ProofRefusal> {
  const options = await proofOptions(admin.id);
  if (currentPassword) {
    if (!options.hasPassword) return "no-password";
    const checked = await checkCurrentPassword(admin.id, currentPassword, context);
    if ("refused" in checked) return checked;
  } else {
    // A code alone is a proof only where it is a real second factor: an app switched on.
    if (!options.twoFactor || !code) return "no-password";
    const account = await db.user.findUnique({
      where: { id: admin.id, disabledAt: null },
      select: { credentialVersion: true },
    });
    if (!account) return "wrong-code";
    const judged = await judgeCode({ ...admin, ...account }, code, context, "settings");
    if (judged.outcome === "throttled") return { throttled: judged.retryAfter };
    if (judged.outcome === "wrong") return "wrong-code";
  }
  await db.session.updateMany({ where: { id: sessionId, userId: admin.id }, data: { provenAt: context.at } });
  return "proven";
}
