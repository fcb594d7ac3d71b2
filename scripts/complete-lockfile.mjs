// The registry this project is built against does not serve every platform's build of
// some optional packages (@next/swc-darwin-*, @unrs/resolver-binding-win32-*…), so
// `npm install` leaves them out of package-lock.json and `npm ci` then refuses the lock
// as out of sync. This adds each missing one as an optional entry for its own platform,
// which npm skips on every other platform. Run it after `npm install` changes the lock.
import { readFileSync, writeFileSync } from "node:fs";

const OS = [
  "darwin",
  "win32",
  "linux",
  "freebsd",
  "android",
  "openharmony",
  "sunos",
  "aix",
  "netbsd",
  "openbsd",
];
const CPU = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "wasm32"];

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const packages = lock.packages;

function resolves(fromPath, name) {
  // Node's lookup: node_modules/<name> beside fromPath, then in each ancestor.
  let base = fromPath;
  while (true) {
    if (packages[`${base ? `${base}/` : ""}node_modules/${name}`]) return true;
    if (!base) return false;
    const index = base.lastIndexOf("node_modules/");
    base = index <= 0 ? "" : base.slice(0, index - 1);
  }
}

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = OS.filter((value) => parts.includes(value));
  const cpu = CPU.filter((value) => parts.includes(value));
  const libc = parts.some((part) => part.startsWith("musl"))
    ? ["musl"]
    : parts.includes("gnu")
      ? ["glibc"]
      : [];
  return { os, cpu, libc };
}

const added = [];
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (resolves(path, name)) continue;
    const { os, cpu, libc } = platformOf(name);
    if (os.length === 0 && cpu.length === 0) continue; // not a platform build: leave it to npm
    // Keys as npm itself writes them (version first, then alphabetical), so a later
    // `npm install` leaves the file unchanged.
    packages[`node_modules/${name}`] = {
      version,
      ...(cpu.length ? { cpu } : {}),
      ...(entry.dev ? { dev: true } : {}),
      ...(libc.length ? { libc } : {}),
      optional: true,
      ...(os.length ? { os } : {}),
    };
    added.push(`${name}@${version}`);
  }
}

lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)),
);
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + "\n");
console.log(
  added.length ? `Added to package-lock.json:\n  ${added.join("\n  ")}` : "package-lock.json is complete.",
);
