import "server-only";
import { MIGRATIONS_PENDING } from "@/lib/db/availability.mjs";

/**
 * What must hold before the server listens: a valid environment, a database that opens (the
 * embedded one is migrated here) and, on a Node host, every migration applied. Anything else
 * ends the process with one message and no stack trace, so a deployment fails at once and
 * visibly instead of answering 500s. Serverless functions cannot refuse to start: there
 * /api/health and every page answer 503 with the reason instead (server.mjs, app/api/health).
 */
export async function checkStartup(): Promise<void> {
  try {
    const { env } = await import("@/lib/env");
    const { database, databaseProblem } = await import("@/lib/db/connection");
    const { embedded, pool } = await database();
    const problem = embedded ? null : await databaseProblem();
    if (problem === MIGRATIONS_PENDING && !env.VERCEL) {
      const { pendingMigrations } = await import("@/lib/db/migrate");
      const pending = await pendingMigrations((sql) => pool.query(sql));
      refuse(
        `the database lacks ${pending.length} migration(s) (${pending.join(", ")}): ` +
          "run `npm run db:migrate`, then start again.",
      );
    }
    if (problem) console.warn(`[latchkey] starting anyway: ${problem}; pages answer 503 until it is fixed.`);
  } catch (error) {
    if (process.env.VERCEL) throw error;
    refuse(error instanceof Error ? error.message : String(error));
  }
}

function refuse(message: string): never {
  console.error(`> Latchkey cannot start: ${message}`);
  process.exit(1);
}
