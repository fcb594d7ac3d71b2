"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { MAX_TOKENS, createAccessToken, revokeAccessToken } from "@/lib/access-tokens/tokens";
import { formValues } from "@/lib/action-state";
import { requireSession } from "@/lib/dal";
import { recordEvent } from "@/lib/events/record";
import { signedInFormAction } from "@/lib/form-action";
import { securityContext } from "@/lib/request-context";
import { createAccessTokenSchema, revokeAccessTokenSchema } from "@/lib/validations/access-tokens";
import { message } from "@/lib/i18n/message";

export const createAccessTokenAction = signedInFormAction("/settings", {
  schema: createAccessTokenSchema,
  throttle: { form: "settings-access-tokens", emails: (_input, { session }) => [session.user.email] },
  async run({ name, expires }, { session: { user } }) {
    const days = expires === "never" ? null : Number(expires);
    const created = await createAccessToken(user.id, { name, days });
    if (created === "too-many") {
      return {
        status: "error",
        message: message("settings.accessTokens.tooMany", { max: MAX_TOKENS }),
      };
    }
    const details = { name, expires: created.token.expiresAt?.toISOString() ?? "never" };
    await recordEvent({
      kind: "access-token.created",
      userId: user.id,
      context: await securityContext(),
      details,
    });
    revalidatePath("/settings");
    return {
      status: "success",
      message: message("settings.accessTokens.createdMessage", { name }),
      shownOnce: [created.secret],
    };
  },
});

/** Revokes one of the user's tokens; another user's id matches nothing. */
export async function revokeAccessTokenAction(formData: FormData): Promise<void> {
  const { user } = await requireSession("/settings");
  const parsed = revokeAccessTokenSchema.safeParse(formValues(formData));
  const name = parsed.success ? await revokeAccessToken(user.id, parsed.data.tokenId) : null;
  if (name !== null) {
    const context = await securityContext();
    await recordEvent({ kind: "access-token.revoked", userId: user.id, context, details: { name } });
  }
  redirect(`/settings?notice=${name === null ? "token-not-found" : "token-revoked"}#access-tokens`);
}
