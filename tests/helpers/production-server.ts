import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { once } from "node:events";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// `node server.mjs` on a production build of this checkout, as a deployment runs it. The
// build (.next-integration) is made once and reused while the sources it came from are unchanged.

const root = process.cwd();
export const BUILD_DIR = ".next-integration";
const SOURCES = ["app", "components", "lib", "types", "messages", "public", "prisma"];
const ROOT_FILES = [
  "auth.ts",
  "auth.config.ts",
  "middleware.ts",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "package-lock.json",
];

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });

function fingerprint(): string {
  const hash = createHash("sha256");
  const add = (file: string) => {
    const { mtimeMs, size } = statSync(file);
    hash.update(`${path.relative(root, file)}:${mtimeMs}:${size}\n`);
  };
  for (const folder of SOURCES.filter((name) => existsSync(name))) {
    for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) add(path.join(entry.parentPath, entry.name));
    }
  }
  for (const file of ROOT_FILES.filter((name) => existsSync(name))) add(file);
  return hash.digest("hex");
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Builds the app into BUILD_DIR unless an up-to-date build is there; one builder at a time. */
export async function ensureProductionBuild(): Promise<void> {
  const stamp = path.join(BUILD_DIR, "latchkey-sources");
  const lock = `${BUILD_DIR}.lock`;
  const wanted = fingerprint();
  for (;;) {
    if (existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) return;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building: wait for it (or take over from a builder that died).
      const holder = Number(readFileSync(path.join(lock, "pid"), { encoding: "utf8", flag: "a+" }) || 0);
      if (holder && !isAlive(holder)) rmSync(lock, { recursive: true, force: true });
      await sleep(1_000);
    }
  }
  try {
    writeFileSync(path.join(lock, "pid"), String(process.pid));
    if (existsSync(stamp) && readFileSync(stamp, "utf8") === wanted) return;
    const build = spawnSync("npm", ["run", "build"], {
      cwd: root,
      // As a clean checkout builds: none of the test runner's settings (its DATABASE_URL above all).
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: "production",
        NEXT_DIST_DIR: BUILD_DIR,
        NEXT_TELEMETRY_DISABLED: "1",
      },
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
    writeFileSync(stamp, wanted);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export type RunningServer = {
  url: string;
  port: number;
  process: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  exited: Promise<number | null>;
};

// The test runner's own settings must not leak into the server (the file's DATABASE_URL, NODE_ENV=test).
function serverEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_DIST_DIR: BUILD_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    HOST: "127.0.0.1",
    ...env,
  };
}

function spawnServer(env: Record<string, string>): Omit<RunningServer, "url" | "port"> {
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    env: serverEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => (output += chunk));
  }
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { process: child, output: () => output, exited };
}

/** Starts `node server.mjs` on a free port and resolves once it says it is ready. */
export async function startProductionServer(env: Record<string, string>): Promise<RunningServer> {
  const port = Number(env.PORT ?? (await freePort()));
  const server = spawnServer({ PORT: String(port), ...env });
  const ready = new RegExp(`ready on http://localhost:${port}`);
  const exited = server.exited.then((code) => {
    throw new Error(`server.mjs exited (code ${code}) before it was ready:\n${server.output()}`);
  });
  while (!ready.test(server.output())) {
    await Promise.race([once(server.process.stdout!, "data"), exited]);
  }
  exited.catch(() => {});
  return { ...server, port, url: `http://127.0.0.1:${port}` };
}

/** Runs `node server.mjs` expecting it to refuse to start: its exit code and everything it printed. */
export async function refusedStart(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const server = spawnServer({ PORT: String(await freePort()), ...env });
  const code = await server.exited;
  return { code, output: server.output() };
}
