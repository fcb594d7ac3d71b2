"use server";

import { adminFormAction } from "@/lib/admin/admin-action";
import { resendConfirmationEmail } from "@/lib/admin/confirmation-email";
import { MAILS_PER_ADDRESS_PER_DAY } from "@/lib/mail/daily-cap";
import { message } from "@/lib/i18n/message";
import { securityContext } from "@/lib/request-context";
import { userActionSchema } from "@/lib/validations/admin";
import { actorOf, done, GUARD_REFUSALS, refused } from "../action-answers";

export const resendConfirmationAction = adminFormAction("users:manage", {
  schema: userActionSchema,
  async run({ userId }, admin) {
    const result = await resendConfirmationEmail(actorOf(admin), userId, await securityContext());
    if (result === "sent") done(userId, "confirmation-sent");
    if (result === "already-confirmed") return refused(message("admin.refusals.alreadyConfirmed"));
    if (result === "too-soon") return refused(message("admin.refusals.tooSoon"));
    if (result === "daily-limit") {
      return refused(message("admin.refusals.dailyLimit", { count: MAILS_PER_ADDRESS_PER_DAY }));
    }
    return refused(GUARD_REFUSALS["not-found"]);
  },
});
