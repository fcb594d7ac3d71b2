"use server";

import { adminFormAction } from "@/lib/admin/admin-action";
import { revokeUserSession, signOutAllSessions } from "@/lib/admin/user-sessions";
import { securityContext } from "@/lib/request-context";
import { message } from "@/lib/i18n/message";
import { revokeUserSessionSchema, userActionSchema } from "@/lib/validations/admin";
import { actorOf, done, GUARD_REFUSALS, refused } from "../action-answers";

export const signOutAllSessionsAction = adminFormAction("users:manage", {
  schema: userActionSchema,
  async run({ userId }, admin) {
    const result = await signOutAllSessions(actorOf(admin), userId, await securityContext());
    if (result === "not-found") return refused(GUARD_REFUSALS["not-found"]);
    done(userId, "signed-out");
  },
});

export const revokeUserSessionAction = adminFormAction("users:manage", {
  schema: revokeUserSessionSchema,
  async run({ userId, sessionId }, admin) {
    const result = await revokeUserSession(actorOf(admin), userId, sessionId, await securityContext());
    if (result === "current") return refused(message("admin.refusals.currentSession"));
    if (result === "not-found") return refused(message("admin.refusals.sessionEnded"));
    done(userId, "session-revoked");
  },
});
