"use server";

import { redirect } from "next/navigation";
import { confirmEmailToken } from "@/lib/auth/email-verification";
import { EMAIL_TAKEN_ON_CHANGE, INVALID_EMAIL_LINK } from "@/lib/auth/link-messages";
import { forgetLinkToken } from "@/lib/auth/link-token";
import { getCurrentSession } from "@/lib/dal";
import { formAction } from "@/lib/form-action";
import { withNotice } from "@/lib/redirect-notice";
import { securityContext } from "@/lib/request-context";
import { confirmEmailSchema } from "@/lib/validations/account";

/** Uses the link's token up: only on this POST, so mail scanners that open links change nothing. */
export const confirmEmail = formAction({
  schema: confirmEmailSchema,
  async run({ token = "" }) {
    const current = await getCurrentSession();
    const signedInAs = current ? { userId: current.user.id, sessionId: current.sessionId } : undefined;
    const result = await confirmEmailToken(token, await securityContext(), signedInAs);
    if (result.status === "invalid") return { status: "error", message: INVALID_EMAIL_LINK };
    if (result.status === "email-taken") return { status: "error", message: EMAIL_TAKEN_ON_CHANGE };
    // Only once used: a cookie change on a failure would refresh the page and lose its answer.
    await forgetLinkToken("/verify-email");
    const signedIn = current?.user.id === result.userId;
    if (result.status === "email-changed") {
      redirect(withNotice(signedIn ? "/settings" : "/login", "email-changed"));
    }
    redirect(withNotice(signedIn ? "/dashboard" : "/login", "email-verified"));
  },
});
