"use server";

import { adminFormAction } from "@/lib/admin/admin-action";
import { resetTwoFactor } from "@/lib/admin/two-factor-reset";
import { securityContext } from "@/lib/request-context";
import { message } from "@/lib/i18n/message";
import { userActionSchema } from "@/lib/validations/admin";
import { actorOf, done, GUARD_REFUSALS, refused } from "../action-answers";

export const resetTwoFactorAction = adminFormAction("users:manage", {
  schema: userActionSchema,
  async run({ userId }, admin) {
    const result = await resetTwoFactor(actorOf(admin), userId, await securityContext());
    if (result === "reset") done(userId, "two-factor-reset");
    if (result === "self") {
      return refused(message("admin.refusals.twoFactorSelf"));
    }
    if (result === "not-enabled") return refused(message("admin.refusals.twoFactorNotOn"));
    return refused(GUARD_REFUSALS["not-found"]);
  },
});
