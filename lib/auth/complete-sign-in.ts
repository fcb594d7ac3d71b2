import "server-only";
import type { VerifiedUser } from "@/lib/auth/credentials";
import { trustedDevice } from "@/lib/auth/device-cookie";
import { rememberDevice } from "@/lib/auth/device-cookie-store";
import { noteSessionIssued } from "@/lib/auth/issued-session";
import { createSession, type SignInProof } from "@/lib/auth/sessions";
import { hasSignedInBefore } from "@/lib/events/recent";
import { adoptAccountLanguage } from "@/lib/i18n/account-language";
import { recordEvent } from "@/lib/events/record";
import type { SecurityContext } from "@/lib/request-context";

/**
 * The one place a session starts, for every way in: the password (form or Auth.js's
 * endpoint), the second step of two-factor sign-in, a passkey; provider callbacks as they land. It opens the session row (recording how it was proven), marks this
 * browser as one the account signed in from, and logs the sign-in, mailing the owner when
 * the browser is new to the account. Returns the session's secret for the JWT, or null when
 * the account's credentials changed since `user` was proven (nothing is opened then).
 */
export async function completeSignIn(
  user: VerifiedUser,
  proof: SignInProof,
  { remember, context }: { remember: boolean; context: SecurityContext },
): Promise<string | null> {
  const cookieHeader = context.cookieHeader ?? null;
  const knownBrowser = trustedDevice(cookieHeader, user) !== null;
  const secret = await createSession(user, remember, { userAgent: context.userAgent, ip: context.ip }, proof);
  if (!secret) return null;
  noteSessionIssued(remember);
  await Promise.all([rememberDevice(cookieHeader, user), adoptAccountLanguage(user.id, user.locale)]);
  const event = {
    kind: "sign-in.succeeded",
    userId: user.id,
    context,
    details: { method: proof.method, factors: proof.factors.join("+") },
  } as const;
  // A browser new to the account is news to its owner, except on the account's first sign-in.
  const tellOwner = !knownBrowser && (user.signedInBefore ?? (await hasSignedInBefore(user.id)));
  await (tellOwner ? recordEvent(event, { to: user, data: {} }) : recordEvent(event));
  return secret;
}
