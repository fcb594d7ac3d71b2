import "server-only";
import { redirect } from "next/navigation";
import type { AdminActor, GuardRefusal } from "@/lib/admin/guard";
import type { FormState } from "@/lib/action-state";
import type { PermittedSession } from "@/lib/dal";
import type { DoneCode } from "./done-notices";

export const actorOf = (admin: PermittedSession): AdminActor => ({
  id: admin.user.id,
  sessionId: admin.sessionId,
});

/** Back to the account's page, which says what was done (a GET: reloading repeats nothing). */
export function done(userId: string, code: DoneCode): never {
  redirect(`/admin/users/${userId}?done=${code}`);
}

export const refused = (message: string): FormState<never> => ({ status: "error", message });

export const GUARD_REFUSALS: Record<GuardRefusal, string> = {
  "not-found": "That account does not exist any more.",
  self: "You cannot do this to your own account: another admin must.",
  "not-permitted": "You can no longer do this: your role has changed.",
  "last-admin":
    "This is the last active admin account, so it must stay an admin and unlocked. " +
    "Make another account an admin first.",
};
