// The HTTP server behind `npm run dev` and `npm start`. Next.js keeps any
// X-Forwarded-For a client sends, so the app cannot tell a client's real address
// from inside; this server can, and passes it on in a header the client cannot set.
// In production it also sends the build's brotli copies of static files (lib/static-assets.mjs).
import { createServer } from "node:http";
import { commonSecurityHeaders } from "./lib/security-headers.mjs";
import { distDir, precompressedAssets } from "./lib/static-assets.mjs";

const CLIENT_IP_HEADER = "x-latchkey-client-ip"; // lib/client-ip.ts reads it
const dev = process.argv.includes("--dev");
// Set before Next.js loads, as its own CLI does (hence the dynamic import below).
process.env.NODE_ENV ??= dev ? "development" : "production";
const { default: next } = await import("next");
const port = Number.parseInt(process.env.PORT ?? "3000", 10);
const host = process.env.HOST ?? "0.0.0.0";
const trustProxy = ["true", "1"].includes(process.env.TRUST_PROXY ?? "");

function clientAddress(request) {
  if (trustProxy) {
    const first = String(request.headers["x-forwarded-for"] ?? "")
      .split(",")[0]
      ?.trim();
    if (first) return first;
  }
  return (request.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
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
