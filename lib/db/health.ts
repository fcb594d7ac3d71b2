import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { database } from "@/lib/db/connection";

const TIMEOUT_MS = 3_000;

/** Whether the database answers a trivial query within a few seconds. */
export async function databaseIsUp(): Promise<boolean> {
  try {
    const { pool } = await database();
    const timeout = sleep(TIMEOUT_MS, undefined, { ref: false }).then(() => {
      throw new Error(`no answer within ${TIMEOUT_MS} ms`);
    });
    await Promise.race([pool.query("SELECT 1"), timeout]);
    return true;
  } catch (error) {
    console.error("[latchkey] health check: database unavailable:", (error as Error).message);
    return false;
  }
}
