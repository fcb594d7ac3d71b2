// The command-line scripts the Docker image runs, each bundled into one file beside the build
// (<build>/cli/*.mjs): the image has no tsx and no source, only Next's standalone server.
// The packages next.config.mjs keeps external stay external here too, and resolve from the
// standalone bundle's node_modules.
import { build } from "esbuild"; // tsx's own compiler, installed with it
import path from "node:path";
import { distDir } from "../lib/static-assets.mjs";

const outdir = path.join(distDir(), "cli");
// What a CommonJS dependency expects and an ES module lacks.
const banner = [
  'import { createRequire as __latchkeyRequire } from "node:module";',
  'import { fileURLToPath as __latchkeyPath } from "node:url";',
  "const require = __latchkeyRequire(import.meta.url);",
  "const __filename = __latchkeyPath(import.meta.url);",
  'const __dirname = __latchkeyPath(new URL(".", import.meta.url));',
].join(" ");

// "server-only" means nothing in a plain Node process (as in scripts/without-server-only.mjs).
const withoutServerOnly = {
  name: "without-server-only",
  setup(bundler) {
    bundler.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    bundler.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "" }));
  },
};

const { metafile } = await build({
  entryPoints: { "db-migrate": "scripts/db-migrate.ts", "create-admin": "scripts/create-admin.ts" },
  outdir,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  external: ["pg", "@electric-sql/pglite", "@electric-sql/pglite-socket", "bcryptjs"],
  plugins: [withoutServerOnly],
  banner: { js: banner },
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
});
for (const [file, { bytes }] of Object.entries(metafile.outputs)) {
  console.log(`${path.relative(process.cwd(), file)}: ${Math.round(bytes / 1024)} KB`);
}
