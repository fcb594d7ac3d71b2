import "server-only";
import { redirect } from "next/navigation";
import type { AdminActor, GuardRefusal } from "@/lib/admin/guard";
import type { FormState } from "@/lib/action-state";
import type { PermittedSession } from "@/lib/dal";
import { message } from "@/lib/i18n/message";
import type { DoneCode } from "./done-notices";

export const actorOf = (admin: PermittedSession): AdminActor => ({
  id: admin.user.id,
  sessionId: admin.sessionId,
});

/** Back to the account's page, which says what was done (a GET: reloading repeats nothing). */
export function done(userId: string, code: DoneCode): never {
  redirect(`/admin/users/${userId}?done=${code}`);
}

/** A refusal, as a message (lib/i18n/message.ts) the form puts into the admin's words. */
export const refused = (text: string): FormState<never> => ({ status: "error", message: text });

export const GUARD_REFUSALS: Record<GuardRefusal, string> = {
  "not-found": message("admin.refusals.notFound"),
  self: message("admin.refusals.self"),
  "not-permitted": message("admin.refusals.notPermitted"),
  "last-admin": message("admin.refusals.lastAdmin"),
};
