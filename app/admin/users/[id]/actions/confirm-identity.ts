"use server";

import { adminFormAction } from "@/lib/admin/admin-action";
import { confirmIdentity, proofOptions } from "@/lib/admin/recent-proof";
import { tooManyAttemptsMessage } from "@/lib/form-throttle";
import { message } from "@/lib/i18n/message";
import { securityContext } from "@/lib/request-context";
import { confirmIdentitySchemaFor } from "@/lib/validations/admin";
import { done, refused } from "../action-answers";

/** "Confirm it's you": a fresh proof for this session, then back to the account being looked at. */
export const confirmIdentityAction = adminFormAction("admin:enter", {
  recentProof: false,
  schema: async (admin) => confirmIdentitySchemaFor((await proofOptions(admin.user.id)).twoFactor),
  async run({ userId, currentPassword, code }, admin, { fieldError }) {
    const proof = { currentPassword, code };
    const result = await confirmIdentity(admin.user, admin.sessionId, proof, await securityContext());
    if (result === "proven") done(userId, "proven");
    if (result === "no-password") {
      return refused(message("admin.refusals.noPassword"));
    }
    if (result === "wrong-code") {
      return fieldError("code", message("admin.refusals.wrongCode"));
    }
    if (typeof result === "object" && "throttled" in result)
      return refused(tooManyAttemptsMessage(result.throttled));
    return result; // a refused current password: lib/form-action.ts answers it on the field
  },
});
