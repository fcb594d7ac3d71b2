import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptsBrotli, precompressAssets, precompressedAssets } from "@/lib/static-assets.mjs";

describe("acceptsBrotli", () => {
  it.each([
    ["gzip, deflate, br, zstd", true],
    ["BR", true],
    ["gzip;q=1.0, br;q=0.5", true],
    ["*", true],
    ["gzip, *;q=0.1", true],
    ["gzip, deflate", false],
    ["", false],
    [undefined, false],
    ["br;q=0", false],
    ["br;q=0.000", false],
    ["*, br;q=0", false],
    ["gzip;q=1.0, *;q=0", false],
    ["br;q=oops", false],
    ["brotli", false],
  ])("%j → %s", (header, expected) => {
    expect(acceptsBrotli(header)).toBe(expected);
  });
});

const script = `export const greeting = ${JSON.stringify("hello, ".repeat(500))};\n`;
const stylesheet = `body { margin: 0 }\n`.repeat(100);
let buildDir: string;
let server: Server;
let origin: URL;

beforeAll(async () => {
  buildDir = mkdtempSync(path.join(tmpdir(), "latchkey-assets-"));
  const file = (name: string, content: string | Buffer) => {
    const full = path.join(buildDir, "static", name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  };
  file("chunks/app.js", script);
  file("chunks/app/[id]/page.js", script);
  file("css/site.css", stylesheet);
  file("media/font.woff2", Buffer.alloc(64, 7));
  writeFileSync(path.join(buildDir, "secret.js"), script); // outside static/

  const summary = await precompressAssets(buildDir);
  expect(summary.files).toBe(3);
  expect(summary.compressedBytes).toBeLessThan(summary.bytes / 10);

  const serve = precompressedAssets(buildDir, { "X-Content-Type-Options": "nosniff" });
  server = createServer((req, res) => {
    if (serve(req, res)) return;
    res.writeHead(404, { "x-left-to-next": "yes" }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  rmSync(buildDir, { recursive: true, force: true });
});

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** A raw request (fetch would decompress the body and choose Accept-Encoding itself). */
function get(pathname: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: origin.hostname, port: origin.port, path: pathname, method, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on("error", reject).end();
  });
}

const br = { "accept-encoding": "gzip, deflate, br" };

describe("precompressedAssets", () => {
  it("writes brotli copies of JavaScript and CSS only", () => {
    const has = (name: string) => existsSync(path.join(buildDir, "static", name));
    expect([has("chunks/app.js.br"), has("css/site.css.br"), has("media/font.woff2.br")]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("sends the brotli copy, with the security and caching headers", async () => {
    const answer = await get("/_next/static/chunks/app.js?dpl=abc", br);
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({
      "content-encoding": "br",
      "content-type": "application/javascript; charset=UTF-8",
      "cache-control": "public, max-age=31536000, immutable",
      vary: "Accept-Encoding",
      "x-content-type-options": "nosniff",
      "content-length": String(answer.body.length),
    });
    expect(brotliDecompressSync(answer.body).toString()).toBe(script);

    const css = await get("/_next/static/css/site.css", br);
    expect(css.headers["content-type"]).toBe("text/css; charset=UTF-8");
    expect(brotliDecompressSync(css.body).toString()).toBe(stylesheet);
  });

  it("finds files whose names a browser percent-encodes", async () => {
    const answer = await get("/_next/static/chunks/app/%5Bid%5D/page.js", br);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(answer.body).toString()).toBe(script);
  });

  it("answers HEAD with the headers alone", async () => {
    const answer = await get("/_next/static/chunks/app.js", br, "HEAD");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(Number(answer.headers["content-length"])).toBeGreaterThan(0);
    expect(answer.body.length).toBe(0);
  });

  it.each([
    ["a browser without brotli", "/_next/static/chunks/app.js", { "accept-encoding": "gzip" }, "GET"],
    ["brotli refused by q=0", "/_next/static/chunks/app.js", { "accept-encoding": "br;q=0, gzip" }, "GET"],
    ["a range request", "/_next/static/chunks/app.js", { ...br, range: "bytes=0-9" }, "GET"],
    ["a POST", "/_next/static/chunks/app.js", br, "POST"],
    ["a file without a brotli copy", "/_next/static/media/font.woff2", br, "GET"],
    ["the .br file itself", "/_next/static/chunks/app.js.br", br, "GET"],
    ["a path out of static/", "/_next/static/../secret.js", br, "GET"],
    ["an encoded path out of static/", "/_next/static/%2E%2E/secret.js", br, "GET"],
    ["a malformed escape", "/_next/static/chunks/%E0%A4%A.js", br, "GET"],
    ["another path", "/login", br, "GET"],
  ])("leaves %s to Next.js", async (_, pathname, headers, method) => {
    const answer = await get(pathname, headers, method);
    expect(answer.headers["x-left-to-next"]).toBe("yes");
  });
});
