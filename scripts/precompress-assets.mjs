// The second step of `npm run build`: brotli copies of the build's static files, which
// server.mjs serves (lib/static-assets.mjs). Reads NEXT_DIST_DIR as next.config.mjs does.
import { distDir, precompressAssets } from "../lib/static-assets.mjs";

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
const { files, bytes, compressedBytes } = await precompressAssets();
console.log(`Brotli copies of ${files} static files in ${distDir()}: ${kb(bytes)} → ${kb(compressedBytes)}`);
