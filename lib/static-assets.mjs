// Brotli for the build's JavaScript and CSS. Next.js compresses its responses with gzip only,
// on every request. These files never change after a build, so `npm run build` compresses
// each once at brotli's highest quality (scripts/precompress-assets.mjs: about 13% smaller
// than gzip), and server.mjs sends that copy to browsers that accept brotli. Everything
// else, and every browser that does not, is left to Next.js.
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";

/** The build folder, as next.config.mjs sets it. */
export const distDir = () => process.env.NEXT_DIST_DIR || ".next";

const STATIC_URL = "/_next/static/";
const CONTENT_TYPES = {
  ".js": "application/javascript; charset=UTF-8",
  ".css": "text/css; charset=UTF-8",
};
const brotli = promisify(zlib.brotliCompress);

function filesUnder(directory) {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Writes `<file>.br` beside each JavaScript and CSS file of a build's static folder. */
export async function precompressAssets(buildDir = distDir()) {
  const sources = filesUnder(path.join(buildDir, "static")).filter(
    (file) => path.extname(file) in CONTENT_TYPES,
  );
  const sizes = await Promise.all(
    sources.map(async (file) => {
      const content = await readFile(file);
      const compressed = await brotli(content, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      });
      await writeFile(`${file}.br`, compressed);
      return [content.length, compressed.length];
    }),
  );
  return {
    files: sources.length,
    bytes: sizes.reduce((sum, [original]) => sum + original, 0),
    compressedBytes: sizes.reduce((sum, [, compressed]) => sum + compressed, 0),
  };
}

/** Whether an Accept-Encoding header accepts brotli: named, or covered by "*", with q above 0. */
export function acceptsBrotli(header = "") {
  let wildcard = false;
  for (const part of header.split(",")) {
    const [coding, ...params] = part
      .toLowerCase()
      .split(";")
      .map((value) => value.trim());
    const q = params.find((param) => param.startsWith("q="));
    const accepted = q === undefined || Number(q.slice(2)) > 0;
    if (coding === "br") return accepted;
    if (coding === "*") wildcard = accepted;
  }
  return wildcard;
}

/**
 * A request listener's first step, for the build in `buildDir`: answers a GET or HEAD of a
 * static file that has a brotli copy, from a browser that accepts brotli, and returns true;
 * otherwise returns false and leaves the request to Next.js. Only the files found at start
 * can be served, so no request path ever reaches the filesystem.
 */
export function precompressedAssets(buildDir, headers = {}) {
  const staticDir = path.resolve(buildDir, "static");
  const assets = new Map();
  for (const file of filesUnder(staticDir).filter((name) => name.endsWith(".br"))) {
    const original = file.slice(0, -".br".length);
    const type = CONTENT_TYPES[path.extname(original)];
    if (!type) continue;
    const urlPath = STATIC_URL + path.relative(staticDir, original).split(path.sep).join("/");
    assets.set(urlPath, { file, type, size: statSync(file).size });
  }

  return function servePrecompressed(request, response) {
    if (assets.size === 0 || !request.url?.startsWith(STATIC_URL)) return false;
    if ((request.method !== "GET" && request.method !== "HEAD") || request.headers.range) return false;
    let pathname;
    try {
      pathname = decodeURIComponent(request.url.split("?")[0]);
    } catch {
      return false;
    }
    const asset = assets.get(pathname);
    if (!asset || !acceptsBrotli(request.headers["accept-encoding"])) return false;

    response.writeHead(200, {
      ...headers,
      "Cache-Control": "public, max-age=31536000, immutable",
      "Content-Type": asset.type,
      "Content-Encoding": "br",
      "Content-Length": asset.size,
      Vary: "Accept-Encoding",
    });
    if (request.method === "HEAD") {
      response.end();
    } else {
      createReadStream(asset.file)
        .on("error", () => response.destroy())
        .pipe(response);
    }
    return true;
  };
}
