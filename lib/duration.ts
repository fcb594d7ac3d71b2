import { message } from "@/lib/i18n/message";

const UNITS: [seconds: number, unit: DurationUnit][] = [
  [86_400, "day"],
  [3_600, "hour"],
  [60, "minute"],
  [1, "second"],
];

export type DurationUnit = "day" | "hour" | "minute" | "second";

/**
 * A configured lifetime as a count of one unit, exactly: 86400 → 24 hours, 172800 → 2 days,
 * 5400 → 90 minutes. The largest unit that divides it evenly (days from two of them on).
 * The values of every catalogue message that names a lifetime ({unit, select} with {count, plural}).
 */
export function durationValues(seconds: number): { unit: DurationUnit; count: number } {
  const [size, unit] =
    UNITS.find(([size]) => seconds % size === 0 && seconds / size >= (size === 86_400 ? 2 : 1)) ?? UNITS[3]!;
  return { unit, count: seconds / size };
}

/** The lifetime on its own, as a message ("duration.span"). */
export const durationMessage = (seconds: number) => message("duration.span", durationValues(seconds));

/**
 * In English words, for the emails until they speak the account's language (lib/mail).
 * Everything shown on a page uses durationValues or durationMessage instead.
 */
export function durationInWords(seconds: number): string {
  const { unit, count } = durationValues(seconds);
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}
