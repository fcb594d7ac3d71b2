import { randomBytes } from "node:crypto";

/**
 * An id for a row written by our own SQL rather than Prisma's create(), shaped like Prisma's
 * cuid() ids ("c" and 24 more of [0-9a-z]: time first, then 80 random bits), so every id in a
 * table looks alike and the admin console's id checks take both.
 */
export function newRowId(now = Date.now()): string {
  const time = now.toString(36).padStart(9, "0").slice(-9);
  const random = BigInt(`0x${randomBytes(10).toString("hex")}`)
    .toString(36)
    .padStart(16, "0")
    .slice(-15);
  return `c${time}${random}`;
}
