import { describe, expect, it } from "vitest";
import { GIVE_UP_AFTER_MS, retryDelayMs } from "@/lib/mail/backoff";

const MINUTE = 60_000;

/** Every attempt's time (ms after the mail was written) while every attempt fails, and the last. */
function failingForever(): number[] {
  const attempts = [0];
  for (;;) {
    const at = attempts.at(-1)!;
    const delay = retryDelayMs(attempts.length, at);
    if (delay === null) return attempts;
    attempts.push(at + delay);
  }
}

describe("retry schedule of a mail that never goes through", () => {
  const attempts = failingForever();
  const gaps = attempts.slice(1).map((at, index) => at - attempts[index]!);

  it("tries at least once a minute for the first ten minutes", () => {
    for (let minute = 0; minute < 10; minute++) {
      const start = minute * MINUTE;
      expect(attempts.some((at) => at >= start && at < start + MINUTE)).toBe(true);
    }
  });

  it("then less often, never giving up before a day has passed", () => {
    const later = gaps.filter((_gap, index) => attempts[index]! >= 10 * MINUTE);
    expect(later.length).toBeGreaterThan(0);
    for (const gap of later) expect(gap).toBeGreaterThan(MINUTE);
    expect(attempts.at(-1)).toBeGreaterThanOrEqual(GIVE_UP_AFTER_MS);
    expect(attempts.at(-1)).toBeLessThan(GIVE_UP_AFTER_MS + 2 * 60 * MINUTE);
  });

  it("backs off and never waits longer than an hour between attempts", () => {
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(60 * MINUTE);
    expect(gaps[0]).toBeLessThan(gaps.at(-1)!);
  });
});
