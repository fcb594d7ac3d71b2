import "server-only";
import { headers } from "next/headers";
import type { FormState } from "@/lib/action-state";
import { waitFor } from "@/lib/auth/messages";
import { clientIp, rateLimitAddress } from "@/lib/client-ip";
import { env } from "@/lib/env";
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
  | "settings-delete";

const WINDOW_SECONDS = 15 * 60;

export function tooManyAttemptsMessage(retryAfter: number): string {
  return `Too many attempts. Please wait ${waitFor(retryAfter)} and try again.`;
}

/**
 * Counts one submission of `form` per client address (an IPv6 one by its /64) and per
 * (normalised) email address it names: the target account's, and for an email change the
 * new one too. Shared by every app process. Null when within the limits, else the form
 * state to answer with. Call it after parsing, before any work.
 */
export async function throttleForm(
  form: ThrottledForm,
  ...emails: (string | null | undefined)[]
): Promise<FormState | null> {
  const address = clientIp(await headers());
  const checks: [string, RateRule][] = [];
  if (address) {
    checks.push([
      `${form}:address:${rateLimitAddress(address)}`,
      { limit: env.RATE_LIMIT_FORMS_PER_ADDRESS, windowSeconds: WINDOW_SECONDS },
    ]);
  }
  for (const email of new Set(emails.filter(Boolean))) {
    checks.push([
      `${form}:email:${email}`,
      { limit: env.RATE_LIMIT_FORMS_PER_EMAIL, windowSeconds: WINDOW_SECONDS },
    ]);
  }
  const result = await consumeAll(checks);
  return result.ok ? null : { status: "error", message: tooManyAttemptsMessage(result.retryAfter) };
}
