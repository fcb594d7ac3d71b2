// The HTTP server behind `npm run dev` and `npm start`. Next.js keeps any
// X-Forwarded-For a client sends, so the app cannot tell a client's real address
// from inside; this server can, and passes it on in a header the client cannot set.
// It refuses a declared body over the cap (lib/request-body-limit.mjs) before Next.js reads it.
// In production it also sends the build's brotli copies of static files (lib/static-assets.mjs).
// While the database is down it answers 503 (lib/outage-gate.mjs); on SIGTERM/SIGINT it
// finishes its requests before it exits.
import { createServer } from "node:http";
import {
  CLIENT_IP_HEADER,
  TRUST_PROXY_RULE,
  forwardedClientIp,
  normalizeIp,
  trustProxyHops,
} from "./lib/client-address.mjs";
import { outageGate } from "./lib/outage-gate.mjs";
import { declaresOversizedBody, refuseOversizedBody } from "./lib/request-body-limit.mjs";
import { commonSecurityHeaders } from "./lib/security-headers.mjs";
import { authUrlWarning, serverOptions } from "./lib/server-options.mjs";
import { stopBackgroundWork } from "./lib/shutdown.mjs";
import { applyStandaloneConfig } from "./lib/standalone-config.mjs";
import { distDir, precompressedAssets } from "./lib/static-assets.mjs";

function fail(message) {
  console.error(`> Latchkey cannot start: ${message}`);
  process.exit(1);
}

let options;
try {
  options = serverOptions(process.argv.slice(2), process.env);
} catch (error) {
  fail(error.message);
}
const { dev, port, host, shutdownGraceMs } = options;
const trustedHops = trustProxyHops(process.env.TRUST_PROXY);
if (trustedHops === null) fail(`TRUST_PROXY ${TRUST_PROXY_RULE} (got "${process.env.TRUST_PROXY}")`);
// lib/env.ts and email links read PORT: the flag wins there too.
process.env.PORT = String(port);
// Set before Next.js loads, as its own CLI does (hence the dynamic import below).
process.env.NODE_ENV ??= dev ? "development" : "production";
if (!dev) applyStandaloneConfig(distDir()); // the Docker image (Dockerfile)
const { default: next } = await import("next");

function clientAddress(request) {
  const socket = normalizeIp(request.socket.remoteAddress) ?? "";
  return forwardedClientIp(request.headers["x-forwarded-for"], trustedHops) ?? socket;
}

const server = createServer();
const app = next({ dev, port, hostname: "localhost", httpServer: server });
await app.prepare();
// instrumentation.ts ends the process with one message when the environment or the database is
// not fit to serve (lib/startup-check.ts). Next.js would run it only once it serves; run it
// (through Next.js's own once-only entry, so it stays once) before this server listens.
if (!dev) {
  const { ensureInstrumentationRegistered } =
    await import("next/dist/server/lib/router-utils/instrumentation-globals.external.js");
  await ensureInstrumentationRegistered(process.cwd(), distDir());
}
const handle = app.getRequestHandler();
const servePrecompressed = dev
  ? () => false
  : precompressedAssets(
      distDir(),
      Object.fromEntries(commonSecurityHeaders(true).map(({ key, value }) => [key, value])),
    );

let stopping = false;
const inFlight = new Set();

server.on("request", (request, response) => {
  inFlight.add(response);
  response.once("close", () => {
    inFlight.delete(response);
    if (stopping) server.closeIdleConnections();
  });
  if (stopping) response.setHeader("Connection", "close");
  if (declaresOversizedBody(request.headers)) return refuseOversizedBody(request, response);
  if (servePrecompressed(request, response)) return;
  request.headers[CLIENT_IP_HEADER] = clientAddress(request);
  outageGate(request, response).then(
    (proceed) => proceed && handle(request, response),
    (error) => {
      console.error("[latchkey] outage gate:", error.message);
      response.writeHead(500).end();
    },
  );
});
const authUrlProblem = authUrlWarning(process.env.AUTH_URL, port);
if (authUrlProblem) console.warn(`> Warning: ${authUrlProblem}`);
server.listen(port, host, () => {
  console.log(`> Latchkey ${dev ? "(development)" : ""} ready on http://localhost:${port}`);
});

/**
 * Stops accepting connections, lets the requests in progress finish (at most the grace
 * period), then stops background work (the mail sender's current message) and closes the
 * database (lib/shutdown.mjs). Exit code 0 when nothing had to be cut short.
 */
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  const deadline = Date.now() + shutdownGraceMs;
  // Keep-alive connections close after their current answer instead of waiting for another.
  for (const response of inFlight) if (!response.headersSent) response.setHeader("Connection", "close");
  const drained = new Promise((resolve) => server.close(() => resolve(true)));
  server.closeIdleConnections();
  // Said once the port is closed: from here a new connection is refused.
  console.log(
    `> ${signal}: finishing ${inFlight.size} request(s), then stopping (at most ${shutdownGraceMs / 1000} s)`,
  );
  const complete = await within(drained, deadline);
  if (!complete) {
    console.error(`> ${inFlight.size} request(s) still running after the grace period: cutting them off`);
    server.closeAllConnections();
  }
  const failures = await within(stopBackgroundWork(), deadline + 5_000);
  process.exit(complete && failures === 0 ? 0 : 1);
}

/** The promise's value, or false once `deadline` (epoch ms) passes. */
function within(promise, deadline) {
  let timer;
  const late = new Promise(
    (resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - Date.now()), false)),
  );
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
