import "server-only";
import { consume } from "@/lib/rate-limit";

/**
 * Mail that anyone can make us send to an address (a confirmation link, a "someone tried to
 * register" notice) goes out at most this often per address and kind each day, so no form
 * and no sign-in loop can flood an inbox.
 */
export const MAILS_PER_ADDRESS_PER_DAY = 3;

export type CappedMail = "verify-email" | "account-exists";

/** Counts one mail of `kind` to `email`; false when today's allowance is spent (send nothing). */
export async function takeDailyMail(kind: CappedMail, email: string): Promise<boolean> {
  const result = await consume(`mail:${kind}:${email}`, {
    limit: MAILS_PER_ADDRESS_PER_DAY,
    windowSeconds: 86400,
  });
  return result.ok;
}
