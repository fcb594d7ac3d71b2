// When a failed mail is tried again, from its age: often while a brief SMTP outage is the
// likely cause, then less and less often, and never after a day.

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Past this age a failure is final: the mail stays, as failed, for an operator to see. */
export const GIVE_UP_AFTER_MS = 24 * HOUR;

/**
 * The delay before the next attempt, after `attempts` attempts (≥ 1) of a mail created
 * `ageMs` ago; null when it is given up on. At least once a minute for the first ten
 * minutes, then every 5 minutes for the first hour, every 30 minutes for the first six,
 * then hourly until a day has passed.
 */
export function retryDelayMs(attempts: number, ageMs: number): number | null {
  if (ageMs >= GIVE_UP_AFTER_MS) return null;
  if (ageMs < 10 * MINUTE) return Math.min(MINUTE, 5 * SECOND * 2 ** Math.max(0, attempts - 1));
  if (ageMs < HOUR) return 5 * MINUTE;
  if (ageMs < 6 * HOUR) return 30 * MINUTE;
  return HOUR;
}
