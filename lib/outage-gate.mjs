// server.mjs's answer while the database cannot serve requests (lib/db/availability.mjs):
// 503 for everything but static files and /api/health (which says why itself). Pages get the
// site's "temporarily unavailable" page, API routes JSON; a request that fails on the database
// before this process knew (a 500) leaves as a 503 too. A page cannot set its own status from
// an error boundary, so it is decided here, around Next.js.
import { databaseDownReason, probeDatabase, UNAVAILABLE_HEADER } from "./db/availability.mjs";

export const UNAVAILABLE_PAGE = "/temporarily-unavailable";
const RETRY_AFTER_SECONDS = "5";
// Build output and files from public/: the 503 page itself needs its styles.
const PASS_THROUGH =
  /^\/(?:_next\/|api\/health(?:\/|$)|favicon\.ico$|robots\.txt$)|\.(?:svg|png|ico|webp|txt|css|js)$/;

/**
 * Decides whether the request goes on to Next.js, after making sure a 5xx written while the
 * database is down leaves as a 503. May rewrite a page request to the 503 page.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @returns {Promise<boolean>} false when it has answered the request itself
 */
export async function outageGate(request, response) {
  // Only server.mjs may say a request was turned to the 503 page.
  delete request.headers[UNAVAILABLE_HEADER];
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  if (PASS_THROUGH.test(path)) return true;
  answer503When5xx(response, false);
  if (databaseDownReason() === null) return true;
  const reason = await probeDatabase();
  if (reason === null) return true;
  if (path.startsWith("/api/") || !["GET", "HEAD"].includes(request.method ?? "")) {
    const body = JSON.stringify({ error: "temporarily_unavailable", reason });
    response.writeHead(503, {
      "Content-Type": "application/json",
      "Cache-Control": "no-store",
      "Retry-After": RETRY_AFTER_SECONDS,
    });
    response.end(request.method === "HEAD" ? undefined : body);
    return false;
  }
  request.url = UNAVAILABLE_PAGE;
  request.headers[UNAVAILABLE_HEADER] = reason;
  answer503When5xx(response, true);
  return true;
}

/**
 * @param {import("node:http").ServerResponse} response
 * @param {boolean} always the 503 page: whatever Next.js answers (200), it leaves as a 503
 */
function answer503When5xx(response, always) {
  const writeHead = response.writeHead;
  // Next.js writes its status through writeHead, explicitly or with the first byte of body.
  /** @type {any} */ (response).writeHead = function (
    /** @type {number} */ status,
    /** @type {any[]} */ ...rest
  ) {
    if (always || (status >= 500 && databaseDownReason() !== null)) {
      status = 503;
      if (typeof rest[0] === "string") rest.shift(); // its reason phrase was for the old status
      this.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      this.setHeader("Cache-Control", "no-store");
    }
    return writeHead.call(this, status, ...rest);
  };
}
