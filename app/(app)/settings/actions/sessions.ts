"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/auth";
import { revokeSessionById, revokeUserSessions } from "@/lib/auth/sessions";
import { requireSession } from "@/lib/dal";
import { formValues } from "@/lib/action-state";
import { recordEvent } from "@/lib/events/record";
import { securityContext } from "@/lib/request-context";
import { revokeSessionSchema } from "@/lib/validations/settings";

async function logRevoked(userId: string, sessions: number): Promise<void> {
  if (sessions === 0) return;
  const context = await securityContext();
  await recordEvent({ kind: "session.revoked", userId, context, details: { sessions } });
}

/** Ends one of the user's sessions; ending the current one is signing out. */
export async function revokeSessionAction(formData: FormData): Promise<void> {
  const { user, sessionId } = await requireSession("/settings");
  const parsed = revokeSessionSchema.safeParse(formValues(formData));
  if (!parsed.success) redirect("/settings?notice=session-not-found");
  if (parsed.data.sessionId === sessionId) {
    await signOut({ redirectTo: "/login?notice=signed-out" });
  }
  // Only a session of this user: another user's id matches no row.
  const revoked = await revokeSessionById(user.id, parsed.data.sessionId);
  await logRevoked(user.id, revoked ? 1 : 0);
  redirect(`/settings?notice=${revoked ? "session-revoked" : "session-not-found"}`);
}

export async function revokeOtherSessionsAction(): Promise<void> {
  const { user, sessionId } = await requireSession("/settings");
  await logRevoked(user.id, await revokeUserSessions(user.id, sessionId));
  redirect("/settings?notice=other-sessions-revoked");
}
