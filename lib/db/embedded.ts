import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

const MAX_SOCKETS = 8;

export type EmbeddedPostgres = {
  /** A postgresql:// URL for `pg`; use one connection at a time (a pool of size 1). */
  url: string;
  stop(): Promise<void>;
};

/**
 * PGlite (PostgreSQL compiled to WASM) served over the PostgreSQL wire protocol on
 * loopback, so the app, the migration runner and the tests use one driver (`pg`)
 * whatever the database. PGlite is a single-connection database: callers use a pool of
 * size 1, which serialises queries and keeps transactions whole under concurrent
 * requests.
 *
 * @param dataDir a folder to persist to, or undefined for an in-memory database
 * @param port a loopback port to listen on; 0 (the default) picks a free one
 */
export async function startEmbeddedPostgres(dataDir?: string, port = 0): Promise<EmbeddedPostgres> {
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const db = await PGlite.create(dataDir ? { dataDir } : {});
    // pg's pool closes a connection after any query error (a unique violation too) and
    // opens the next at once, before the server has let the old socket go: with room for
    // only one socket that reconnect is refused. Callers still keep one connection busy.
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: MAX_SOCKETS });
    await server.start();
    return {
      url: `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`,
      async stop() {
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

// Two processes writing one PGlite folder corrupt it; refuse the second one.
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "latchkey.lock");
  const holder = readLockHolder(lockFile);
  if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by process ${holder}. ` +
        "Stop that process (another `npm run dev` or `npm start`?), or set DATABASE_URL.",
    );
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function readLockHolder(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
    return Number.isSafeInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
