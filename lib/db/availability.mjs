// Whether the database can serve requests now, shared by server.mjs and the app's bundles
// (one state per process, on globalThis: Next.js bundles its own copy of this module).
// server.mjs answers 503 while it is down, and asks the probe the app registers when it is back.

/** @typedef {{ down: boolean, reason: string, probe?: () => Promise<string | null>, probing?: Promise<void> }} State */

const KEY = Symbol.for("latchkey.database-availability");
/** @type {State} */
const state = /** @type {any} */ (globalThis[KEY] ??= { down: false, reason: "" });

export const UNAVAILABLE = "database unavailable";
export const MIGRATIONS_PENDING = "migrations pending: run `npm run db:migrate`";
/** The digest of DatabaseUnavailableError: Next.js keeps a thrown error's own digest for the error page. */
export const UNAVAILABLE_DIGEST = "LATCHKEY_DATABASE_UNAVAILABLE";
/** Set by server.mjs only (any copy a client sends is dropped): the request was turned to the 503 page. */
export const UNAVAILABLE_HEADER = "x-latchkey-unavailable";

/** Thrown where a request needs the database and it cannot answer; never a sign of being signed out. */
export class DatabaseUnavailableError extends Error {
  digest = UNAVAILABLE_DIGEST;
  /** @param {string} [reason] */
  constructor(reason = UNAVAILABLE) {
    super(reason);
    this.name = "DatabaseUnavailableError";
  }
}

// Node's socket errors, and PostgreSQL's class 08 (connection exception), 57P01–57P03 (shutting
// down, starting up), 53300 (too many connections); Prisma's P1001/P1002/P1008/P1017/P2024.
const CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
]);
const MESSAGES =
  /connection terminated|timeout exceeded when trying to connect|query read timeout|connection refused|server has closed the connection|can't reach database server|the database system is (starting up|shutting down)|terminating connection due to administrator command|ECONNREFUSED|ECONNRESET|canceling statement due to statement timeout/i;

/**
 * Whether an error means the database could not be reached or did not answer in time (and
 * not that a query was wrong). Looks through Prisma's and the driver adapter's wrappers.
 * @param {unknown} error
 * @returns {boolean}
 */
export function isDatabaseUnavailable(error) {
  for (let cause = error, depth = 0; cause && depth < 6; depth++) {
    if (cause instanceof DatabaseUnavailableError) return true;
    const { code, message, originalCode, kind, cause: next } = /** @type {any} */ (cause);
    if ((typeof code === "string" && (CODES.has(code) || code.startsWith("08"))) || CODES.has(originalCode)) {
      return true;
    }
    if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout")
      return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    if (cause instanceof AggregateError && cause.errors.some(isDatabaseUnavailable)) return true;
    cause = next;
  }
  return false;
}

/** @param {string} [reason] */
export function markDatabaseDown(reason = UNAVAILABLE) {
  state.down = true;
  state.reason = reason;
}

export function markDatabaseUp() {
  state.down = false;
  state.reason = "";
}

/** A connection opened: the database is reachable again (pending migrations still count). */
export function markDatabaseReachable() {
  if (state.reason === UNAVAILABLE) markDatabaseUp();
}

/** Why the database cannot serve requests, or null while it can (as far as this process knows). */
export function databaseDownReason() {
  return state.down ? state.reason : null;
}

/** @param {() => Promise<string | null>} probe resolves to a reason, or null when the database serves */
export function registerDatabaseProbe(probe) {
  state.probe = probe;
}

/**
 * Asks the database again (one probe at a time, however many requests wait) and records the answer.
 * @returns {Promise<string | null>} the reason it still cannot serve, or null
 */
export async function probeDatabase() {
  if (!state.probe) return databaseDownReason();
  const probe = state.probe;
  state.probing ??= probe()
    .then((reason) => (reason ? markDatabaseDown(reason) : markDatabaseUp()))
    .catch(() => markDatabaseDown())
    .finally(() => (state.probing = undefined));
  await state.probing;
  return databaseDownReason();
}
