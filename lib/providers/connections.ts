import "server-only";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import { providerName } from "@/lib/providers/config";
import { unlinkIdentity, type UnlinkResult } from "@/lib/providers/identities";
import { RECENT_SIGN_IN_SECONDS } from "@/lib/passkeys/proof";
import type { SecurityContext } from "@/lib/request-context";

/**
 * What connecting a provider asks of this session: nothing more when it was opened minutes
 * ago (a fresh sign-in); else the current password; and an account without one signs in
 * again first (with a provider it has, or a passkey), as no other proof of the same strength
 * is at hand here. A provider sign-in still asks for the second factor, so connecting one
 * does not go around it: no authenticator code is asked here.
 */
export type ConnectProof = "recent-sign-in" | "password" | "sign-in-again";

export async function proofToConnect(userId: string, sessionId: string): Promise<ConnectProof> {
  const session = await db.session.findFirst({
    where: { id: sessionId, userId },
    select: { createdAt: true, user: { select: { passwordHash: true } } },
  });
  if (!session) return "sign-in-again";
  if (Date.now() - session.createdAt.getTime() < RECENT_SIGN_IN_SECONDS * 1000) return "recent-sign-in";
  return session.user.passwordHash !== null ? "password" : "sign-in-again";
}

/** Disconnects a provider from the account (lib/providers/identities.ts), with its event and notice. */
export async function disconnectProvider(
  user: { id: string; email: string; name: string | null },
  provider: string,
  keepSessionId: string,
  context: SecurityContext,
): Promise<UnlinkResult> {
  const result = await unlinkIdentity(user.id, provider, keepSessionId);
  if (result === "disconnected") {
    await recordEvent(
      { kind: "provider.disconnected", userId: user.id, context, details: { provider } },
      { to: user, data: { provider: providerName(provider) } },
    );
  }
  return result;
}
