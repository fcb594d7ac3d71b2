import "server-only";
import { headers } from "next/headers";
import { throttledState, type FormState } from "@/lib/action-state";
import { waitValues } from "@/lib/auth/messages";
import { clientIp, rateLimitAddress } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { message } from "@/lib/i18n/message";
import { consumeAll, type RateRule } from "@/lib/rate-limit";

/** The forms other than sign-in that are throttled, each with counters of its own. */
export type ThrottledForm =
  | "register"
  | "forgot-password"
  | "resend-verification"
  | "reset-password"
  | "settings-profile"
  | "settings-password"
  | "settings-email"
  | "settings-delete"
  | "settings-two-factor"
  | "settings-connect"
  | "settings-access-tokens";

export const WINDOW_SECONDS = 15 * 60;

export function tooManyAttemptsMessage(retryAfter: number): string {
  return message("throttle.tooManyAttempts", waitValues(retryAfter));
}

const rule = (limit: number): RateRule => ({ limit, windowSeconds: WINDOW_SECONDS });

async function answer(checks: [string, RateRule][]): Promise<FormState | null> {
  const result = await consumeAll(checks);
  return result.ok ? null : throttledState(tooManyAttemptsMessage(result.retryAfter), result.retryAfter);
}

/**
 * Counts one submission of `form` from the client's address (an IPv6 one by its /64),
 * shared by every app process. Called before the form is parsed, so a flood of submissions
 * is refused before any of them costs a password-strength check. Null when within the
 * limit, else the form state to answer with.
 */
export async function throttleFormByAddress(form: ThrottledForm): Promise<FormState | null> {
  const address = clientIp(await headers());
  if (!address) return null;
  return answer([[`${form}:address:${rateLimitAddress(address)}`, rule(env.RATE_LIMIT_FORMS_PER_ADDRESS)]]);
}

/**
 * Counts one submission of `form` per (normalised) email address it names: the target
 * account's, and for an email change the new one too. Called after parsing, before any work.
 */
export async function throttleFormByEmail(
  form: ThrottledForm,
  ...emails: (string | null | undefined)[]
): Promise<FormState | null> {
  const unique = [...new Set(emails.filter(Boolean))];
  if (unique.length === 0) return null;
  return answer(unique.map((email) => [`${form}:email:${email}`, rule(env.RATE_LIMIT_FORMS_PER_EMAIL)]));
}
