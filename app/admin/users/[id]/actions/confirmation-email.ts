"use server";

import { adminFormAction } from "@/lib/admin/admin-action";
import { resendConfirmationEmail } from "@/lib/admin/confirmation-email";
import { MAILS_PER_ADDRESS_PER_DAY } from "@/lib/mail/daily-cap";
import { securityContext } from "@/lib/request-context";
import { userActionSchema } from "@/lib/validations/admin";
import { actorOf, done, GUARD_REFUSALS, refused } from "../action-answers";

export const resendConfirmationAction = adminFormAction("users:manage", {
  schema: userActionSchema,
  async run({ userId }, admin) {
    const result = await resendConfirmationEmail(actorOf(admin), userId, await securityContext());
    if (result === "sent") done(userId, "confirmation-sent");
    if (result === "already-confirmed") return refused("This account's email address is already confirmed.");
    if (result === "too-soon") return refused("A link went to this address less than a minute ago.");
    if (result === "daily-limit") {
      return refused(
        `This address has had ${MAILS_PER_ADDRESS_PER_DAY} confirmation emails today, the most it gets.`,
      );
    }
    return refused(GUARD_REFUSALS["not-found"]);
  },
});
