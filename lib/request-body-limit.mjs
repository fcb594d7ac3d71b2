// The largest request body the app accepts: server.mjs refuses a larger Content-Length,
// next.config.mjs bounds chunked bodies, and so does the credentials route.

// A form posts a few KB and a WebAuthn response some KB more: 64 KiB holds both with room to
// spare, where Next.js would buffer 10 MB for anyone who asks (a cheap memory exhaustion).
export const MAX_REQUEST_BODY_BYTES = 64 * 1024;

// Next.js cuts the copy of a body it buffers for middleware at this size and passes the cut body
// on silently: past the cap by one socket read (64 KiB), a cut body still fails the checks behind.
export const MIDDLEWARE_BODY_BYTES = MAX_REQUEST_BODY_BYTES + 64 * 1024;

// How long a refused request's body is still read (and dropped) before the connection closes.
const LINGER_MS = 2000;

/** Whether the request declares (Content-Length) a body over the cap. */
export function declaresOversizedBody(/** @type {import("node:http").IncomingHttpHeaders} */ headers) {
  return Number(headers["content-length"] ?? 0) > MAX_REQUEST_BODY_BYTES;
}

/**
 * Answers 413 and closes the connection. The body the client is still sending is read and
 * dropped for a moment first (RFC 9112 §9.6): closing on unread data resets the connection,
 * and the client would see the reset instead of the answer.
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 */
export function refuseOversizedBody(request, response) {
  const body = JSON.stringify({ error: "payload_too_large", limit: MAX_REQUEST_BODY_BYTES });
  response.writeHead(413, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    connection: "close",
  });
  response.write(body);
  const close = () => {
    clearTimeout(timer);
    response.end();
  };
  const timer = setTimeout(close, LINGER_MS);
  response.once("close", () => clearTimeout(timer));
  request.once("end", close).once("error", close).resume();
}
