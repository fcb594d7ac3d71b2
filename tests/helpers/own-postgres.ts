import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";

// A PostgreSQL cluster of the test's own, in a temporary folder on a port of its own, so the
// test may stop and start it: the shared server at TEST_DATABASE_URL is never stopped.

export type OwnPostgres = { url: string; start(): void; stop(): void; remove(): void };

function binaries(): string {
  const base = "/usr/lib/postgresql";
  const version = existsSync(base) ? readdirSync(base).sort().at(-1) : undefined;
  if (!version) throw new Error(`No PostgreSQL under ${base}: install the postgresql package.`);
  return path.join(base, version, "bin");
}

/** initdb refuses to run as root: as root, run the cluster as the postgres user. */
function run(command: string, args: string[]) {
  const file = path.join(binaries(), command);
  if (userInfo().uid !== 0) return execFileSync(file, args, { stdio: "pipe" });
  return execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", [file, ...args].map(quote).join(" ")], {
    stdio: "pipe",
  });
}
const quote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

export function createOwnPostgres(port: number): OwnPostgres {
  const folder = mkdtempSync(path.join(tmpdir(), "latchkey-own-pg-"));
  const dataDir = path.join(folder, "data");
  if (userInfo().uid === 0) {
    const ids = execFileSync("id", ["-u", "postgres"]).toString().trim();
    const gid = execFileSync("id", ["-g", "postgres"]).toString().trim();
    chownSync(folder, Number(ids), Number(gid));
  }
  run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--no-sync"]);
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const cluster = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start: () =>
      void run("pg_ctl", ["-D", dataDir, "-o", options, "-w", "-l", path.join(folder, "log"), "start"]),
    stop: () => void run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]),
    remove() {
      try {
        cluster.stop();
      } catch {
        // not running
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}
