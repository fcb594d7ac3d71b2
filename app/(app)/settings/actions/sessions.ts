"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/auth";
import { revokeSessionById, revokeUserSessions } from "@/lib/auth/sessions";
import { requireSession } from "@/lib/dal";
import { formValues } from "@/lib/action-state";
import { recordEvent } from "@/lib/events/record";
import { securityContext } from "@/lib/request-context";
import { revokeSessionSchema } from "@/lib/validations/settings";

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
  if (revoked) {
    const details = { sessions: 1 };
    await recordEvent({
      kind: "session.revoked",
      userId: user.id,
      context: await securityContext(),
      details,
    });
  }
  redirect(`/settings?notice=${revoked ? "session-revoked" : "session-not-found"}`);
}

export async function revokeOtherSessionsAction(): Promise<void> {
  const { user, sessionId } = await requireSession("/settings");
  const count = await revokeUserSessions(user.id, sessionId);
  if (count > 0) {
    const details = { sessions: count };
    await recordEvent({
      kind: "session.revoked",
      userId: user.id,
      context: await securityContext(),
      details,
    });
  }
  redirect("/settings?notice=other-sessions-revoked");
}
