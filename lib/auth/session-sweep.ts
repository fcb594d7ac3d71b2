import "server-only";
import { database } from "@/lib/db/connection";
import { nowAndThen } from "@/lib/db/now-and-then";

const SWEEP_EVERY_MS = 10 * 60_000;
const BATCH = 5_000;

/**
 * Deletes the sessions past their absolute expiry, of any account: those of an account that
 * signs in again go at its next sign-in (lib/auth/sessions.ts), the rest would stay for ever.
 * In batches, so that no statement holds many row locks or runs long. Returns how many went.
 */
export async function sweepExpiredSessions(now = new Date(), batch = BATCH): Promise<number> {
  const { pool } = await database();
  let swept = 0;
  for (;;) {
    const { rowCount } = await pool.query(
      `DELETE FROM "Session" WHERE "id" IN (
         SELECT "id" FROM "Session" WHERE "expires" <= $1::timestamp(3) LIMIT $2)`,
      [now.toISOString(), batch],
    );
    const deleted = rowCount ?? 0;
    swept += deleted;
    if (deleted < batch) return swept;
  }
}

/** The sweep at most every 10 minutes per process, beside the sign-in that starts it. */
export function sweepSessionsNowAndThen(): void {
  nowAndThen("sweeping expired sessions", SWEEP_EVERY_MS, () => sweepExpiredSessions());
}
