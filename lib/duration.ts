const UNITS: [seconds: number, name: string][] = [
  [86_400, "day"],
  [3_600, "hour"],
  [60, "minute"],
  [1, "second"],
];

/**
 * A configured lifetime in words, exactly: 86400 → "24 hours", 172800 → "2 days", 5400 →
 * "90 minutes". The largest unit that divides it evenly (days from two of them on).
 */
export function durationInWords(seconds: number): string {
  const [size, name] =
    UNITS.find(([size]) => seconds % size === 0 && seconds / size >= (size === 86_400 ? 2 : 1)) ?? UNITS[3]!;
  const count = seconds / size;
  return `${count} ${name}${count === 1 ? "" : "s"}`;
}
