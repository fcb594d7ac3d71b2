// The HTTP server behind `npm run dev` and `npm start`. Next.js keeps any
// X-Forwarded-For a client sends, so the app cannot tell a client's real address
// from inside; this server can, and passes it on in a header the client cannot set.
// It refuses a declared body over the cap (lib/request-body-limit.mjs) before Next.js reads it.
// In production it also sends the build's brotli copies of static files (lib/static-assets.mjs).
import { createServer } from "node:http";
import {
  CLIENT_IP_HEADER,
  TRUST_PROXY_RULE,
  forwardedClientIp,
  normalizeIp,
  trustProxyHops,
} from "./lib/client-address.mjs";
import { declaresOversizedBody, refuseOversizedBody } from "./lib/request-body-limit.mjs";
import { commonSecurityHeaders } from "./lib/security-headers.mjs";
import { serverOptions } from "./lib/server-options.mjs";
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
const { dev, port, host } = options;
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
const handle = app.getRequestHandler();
const servePrecompressed = dev
  ? () => false
  : precompressedAssets(
      distDir(),
      Object.fromEntries(commonSecurityHeaders(true).map(({ key, value }) => [key, value])),
    );

server.on("request", (request, response) => {
  if (declaresOversizedBody(request.headers)) return refuseOversizedBody(request, response);
  if (servePrecompressed(request, response)) return;
  request.headers[CLIENT_IP_HEADER] = clientAddress(request);
  handle(request, response);
});
server.listen(port, host, () => {
  console.log(`> Latchkey ${dev ? "(development)" : ""} ready on http://localhost:${port}`);
});

async function shutdown(signal) {
  console.log(`> ${signal}: shutting down`);
  server.close();
  // Close the embedded database cleanly (lib/db/connection.ts registers this).
  await globalThis.latchkeyCloseDatabase?.();
  process.exit(0);
}
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);
