import "server-only";
import { checkCurrentPassword, type PasswordRefusal } from "@/lib/account/current-password";
import { message } from "@/lib/i18n/message";
import { db } from "@/lib/db";
import type { SecurityContext } from "@/lib/request-context";
import { hasTwoFactor } from "@/lib/second-factor/authenticator-app";
import { judgeCode } from "@/lib/second-factor/code-check";

/** A session this young was just proven by a sign-in, which is proof enough to add a passkey. */
export const RECENT_SIGN_IN_SECONDS = 5 * 60;

/**
 * What adding a passkey asks of this session: nothing more when it was opened minutes ago;
 * else the current password; and an account without one (it signs in with a provider or a
 * passkey) must sign in again, as no other proof of the same strength is at hand here.
 * An account with an authenticator app always gives its password and a code.
 */
export type AddPasskeyProof = "recent-sign-in" | "password" | "password-and-code" | "sign-in-again";

/** Why the form asks what it asks, in its words; the action answers "sign-in-again" with it too. */
export const PROOF_HINTS = {
  "recent-sign-in": message("settings.passkeys.proofRecentSignIn"),
  password: null,
  "password-and-code": message("settings.passkeys.proofPasswordAndCode"),
  "sign-in-again": message("settings.passkeys.proofSignInAgain", { minutes: RECENT_SIGN_IN_SECONDS / 60 }),
} satisfies Record<AddPasskeyProof, string | null>;

export async function proofToAddPasskey(userId: string, sessionId: string): Promise<AddPasskeyProof> {
  const session = await db.session.findFirst({
    where: { id: sessionId, userId },
    select: { createdAt: true, user: { select: { passwordHash: true } } },
  });
  if (!session) return "sign-in-again";
  const hasPassword = session.user.passwordHash !== null;
  const recent = Date.now() - session.createdAt.getTime() < RECENT_SIGN_IN_SECONDS * 1000;
  // A passkey signs in as both factors, so it takes both to add one, however recent the sign-in;
  // without a password, a recent sign-in of a two-factor account proved both (its second step).
  if (await hasTwoFactor(userId))
    return hasPassword ? "password-and-code" : recent ? "recent-sign-in" : "sign-in-again";
  if (recent) return "recent-sign-in";
  return hasPassword ? "password" : "sign-in-again";
}

export type ProofRefusal = PasswordRefusal | "wrong-code" | { throttled: number };

/**
 * Checks what `proof` asks for: the current password first, and only then the code, which
 * is used up when right and counted towards the account's lock when wrong.
 */
export async function checkProof(
  user: { id: string; email: string; name: string | null },
  proof: Exclude<AddPasskeyProof, "sign-in-again">,
  { currentPassword = "", code = "" }: { currentPassword?: string; code?: string },
  context: SecurityContext,
): Promise<"proven" | ProofRefusal> {
  if (proof === "recent-sign-in") return "proven";
  const checked = await checkCurrentPassword(user.id, currentPassword, context);
  if ("refused" in checked) return checked;
  if (proof === "password") return "proven";
  const account = { ...user, credentialVersion: checked.credentialVersion };
  const judged = await judgeCode(account, code, context, "settings");
  if (judged.outcome === "throttled") return { throttled: judged.retryAfter };
  return judged.outcome === "accepted" ? "proven" : "wrong-code";
}
