import "server-only";
import type { AccountHolder } from "@/lib/account/change-password";
import { checkCurrentPassword, type PasswordRefusal } from "@/lib/account/current-password";
import { issueTokenAtVersion, revokeTokens } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { recordEvent } from "@/lib/events/record";
import { tokenLink } from "@/lib/mail/links";
import { mailLanguage } from "@/lib/i18n/account-language";
import { renderMail } from "@/lib/mail/templates";
import type { SecurityContext } from "@/lib/request-context";
import { isEmailTaken } from "@/lib/users";

/**
 * Starts a change of address: checks the password, then mails a single-use link to the new
 * address (the address changes only when /verify-email consumes it) and a notice to the
 * current one. An address that already has an account gets the same answer and no mail,
 * so this cannot be used to find out which addresses are registered. `newEmail` is
 * already normalised (lib/validations/fields.ts emailField).
 */
export async function requestEmailChange(
  user: AccountHolder,
  input: { newEmail: string; currentPassword: string },
  context: SecurityContext,
  sessionId?: string,
): Promise<"requested" | "same-address" | "conflict" | PasswordRefusal> {
  const check = await checkCurrentPassword(user.id, input.currentPassword, context, sessionId);
  if ("refused" in check) return check;
  if (input.newEmail === user.email) return "same-address";
  if (!(await isEmailTaken(input.newEmail))) {
    const secret = await issueTokenAtVersion(
      {
        userId: user.id,
        email: input.newEmail,
        purpose: "change-email",
        ttlSeconds: env.VERIFY_EMAIL_TOKEN_TTL,
      },
      check.credentialVersion,
      // The new address is no account's yet: it is written to in the language of the request.
      async (secret) =>
        renderMail(
          "emailChangeRequested",
          input.newEmail,
          { name: user.name, link: tokenLink("/verify-email", secret), validFor: env.VERIFY_EMAIL_TOKEN_TTL },
          await mailLanguage(null),
        ),
    );
    if (!secret) return "conflict";
  } else {
    // As issueToken does for a free address: an earlier link stops working, and the database
    // does about the same work either way.
    await revokeTokens(user.id, ["change-email"]);
  }
  await recordEvent(
    { kind: "email.change-requested", userId: user.id, context },
    { to: user, data: { newEmail: input.newEmail } },
  );
  return "requested";
}
