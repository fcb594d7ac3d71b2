"use server";

import { adminFormAction } from "@/lib/admin/admin-action";
import { lockUser, unlockUser } from "@/lib/admin/account-lock";
import { securityContext } from "@/lib/request-context";
import { message } from "@/lib/i18n/message";
import { userActionSchema } from "@/lib/validations/admin";
import { actorOf, done, GUARD_REFUSALS, refused } from "../action-answers";

export const lockAccountAction = adminFormAction("users:manage", {
  schema: userActionSchema,
  async run({ userId }, admin) {
    const result = await lockUser(actorOf(admin), userId, await securityContext());
    if (result === "locked" || result === "already-locked") done(userId, "locked");
    if (result === "self") return refused(message("admin.refusals.lockSelf"));
    return refused(GUARD_REFUSALS[result]);
  },
});

export const unlockAccountAction = adminFormAction("users:manage", {
  schema: userActionSchema,
  async run({ userId }, admin) {
    const result = await unlockUser(actorOf(admin), userId, await securityContext());
    if (result === "not-found") return refused(GUARD_REFUSALS["not-found"]);
    done(userId, "unlocked");
  },
});
