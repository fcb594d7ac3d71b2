import "server-only";
import { issuedRecently, issueToken } from "@/lib/auth/tokens";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { tokenLink } from "@/lib/mail/links";
import { mailLanguage } from "@/lib/i18n/account-language";
import { renderMail } from "@/lib/mail/templates";

/** Whether the account has a password (one made with a provider has none until it sets one). */
export async function hasPassword(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return user?.passwordHash != null;
}

/**
 * An account without a password sets one as a reset does: a single-use link to its own
 * address (/reset-password), so a stolen session alone cannot add a password to the account.
 * At most one link a minute.
 */
export async function sendPasswordSetupLink(user: {
  id: string;
  name: string | null;
  email: string;
}): Promise<"sent" | "too-soon" | "has-password"> {
  if (await hasPassword(user.id)) return "has-password";
  if (await issuedRecently(user.id, "reset-password")) return "too-soon";
  const { locale } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { locale: true } });
  const language = await mailLanguage(locale);
  await issueToken(
    {
      userId: user.id,
      email: user.email,
      purpose: "reset-password",
      ttlSeconds: env.RESET_PASSWORD_TOKEN_TTL,
    },
    (secret) =>
      renderMail(
        "setPassword",
        user.email,
        {
          name: user.name,
          link: tokenLink("/reset-password", secret),
          validFor: env.RESET_PASSWORD_TOKEN_TTL,
        },
        language,
      ),
  );
  return "sent";
}
