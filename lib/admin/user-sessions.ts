import "server-only";
import type { AdminActor } from "@/lib/admin/guard";
import { revokeSessionById, revokeUserSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import type { SecurityContext } from "@/lib/request-context";

async function logRevoked(actor: AdminActor, userId: string, sessions: number, context: SecurityContext) {
  if (sessions === 0) return;
  const event = { kind: "session.revoked", userId, context, details: { sessions } } as const;
  await recordEvent({ ...event, actor: { type: "admin", id: actor.id } });
}

/**
 * Signs the account out everywhere. On the admin's own account, the session doing it stays
 * (as "Sign out other sessions" in Settings would).
 */
export async function signOutAllSessions(
  actor: AdminActor,
  userId: string,
  context: SecurityContext,
): Promise<{ sessions: number } | "not-found"> {
  if ((await db.user.count({ where: { id: userId } })) === 0) return "not-found";
  const keep = actor.id === userId ? actor.sessionId : undefined;
  const sessions = await revokeUserSessions(userId, keep);
  await logRevoked(actor, userId, sessions, context);
  return { sessions };
}

/** Ends one of the account's sessions; never the admin's own current one (that is signing out). */
export async function revokeUserSession(
  actor: AdminActor,
  userId: string,
  sessionId: string,
  context: SecurityContext,
): Promise<"revoked" | "not-found" | "current"> {
  if (actor.id === userId && sessionId === actor.sessionId) return "current";
  // Only a session of this user: another user's session id matches no row.
  if (!(await revokeSessionById(userId, sessionId))) return "not-found";
  await logRevoked(actor, userId, 1, context);
  return "revoked";
}
