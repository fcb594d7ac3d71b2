// The Docker image runs server.mjs from Next's standalone bundle (next.config.mjs's `output`),
// which holds no next.config.mjs: the build wrote the resolved config into the build folder,
// and Next's own standalone server.js hands it to Next.js in this variable. server.mjs does too.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const CONFIG_VARIABLE = "__NEXT_PRIVATE_STANDALONE_CONFIG";

/**
 * Points Next.js at the build's own config when `dir` has a build but no next.config.mjs.
 * @param {string} buildDir the build folder, relative to `dir`
 * @param {string} [dir] the folder the server runs in
 * @param {Record<string, string | undefined>} [env]
 * @returns {boolean} whether it did
 */
export function applyStandaloneConfig(buildDir, dir = process.cwd(), env = process.env) {
  if (env[CONFIG_VARIABLE] || existsSync(path.join(dir, "next.config.mjs"))) return false;
  const file = path.join(dir, buildDir, "required-server-files.json");
  if (!existsSync(file)) return false;
  env[CONFIG_VARIABLE] = JSON.stringify(JSON.parse(readFileSync(file, "utf8")).config);
  return true;
}
