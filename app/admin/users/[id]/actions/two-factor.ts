"use server";

import { adminFormAction } from "@/lib/admin/admin-action";
import { resetTwoFactor } from "@/lib/admin/two-factor-reset";
import { securityContext } from "@/lib/request-context";
import { userActionSchema } from "@/lib/validations/admin";
import { actorOf, done, GUARD_REFUSALS, refused } from "../action-answers";

export const resetTwoFactorAction = adminFormAction("users:manage", {
  schema: userActionSchema,
  async run({ userId }, admin) {
    const result = await resetTwoFactor(actorOf(admin), userId, await securityContext());
    if (result === "reset") done(userId, "two-factor-reset");
    if (result === "self") {
      return refused(
        "Your own two-factor authentication is switched off in Settings, with your password and a code.",
      );
    }
    if (result === "not-enabled") return refused("This account does not have two-factor authentication on.");
    return refused(GUARD_REFUSALS["not-found"]);
  },
});
