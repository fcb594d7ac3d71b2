import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";

// The real server.mjs, with Next.js replaced by a stub that echoes the request headers
// (tests/helpers/fake-next): what the app would see, without building it.

const running: ChildProcess[] = [];

/** Kills every server started since the last call (an afterEach). */
export function stopServers(): void {
  for (const server of running.splice(0)) server.kill("SIGKILL");
}

export const randomPort = () => 20_000 + Math.floor(Math.random() * 20_000);

function spawnServer(args: string[], env: Record<string, string>): ChildProcess {
  const server = spawn(
    process.execPath,
    ["--import", "./tests/helpers/fake-next/hooks.mjs", "server.mjs", ...args],
    {
      env: { ...process.env, HOST: "127.0.0.1", TRUST_PROXY: "", VERCEL: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  running.push(server);
  server.stdout?.setEncoding("utf8");
  server.stderr?.setEncoding("utf8");
  return server;
}

/** Starts server.mjs and resolves with the port it says it is ready on. */
export async function startServer(env: Record<string, string> = {}, args: string[] = []): Promise<number> {
  const ownPort = env.PORT === undefined && args.length === 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env, args);
    } catch (error) {
      // The random port belongs to another program on this machine (a message broker, say).
      if (!ownPort || attempt === 5 || !String(error).includes("EADDRINUSE")) throw error;
    }
  }
}

async function startOnce(env: Record<string, string>, args: string[]): Promise<number> {
  const server = spawnServer(args, { PORT: String(randomPort()), ...env });
  let output = "";
  server.stderr?.on("data", (chunk: string) => (output += chunk));
  const exited = once(server, "exit").then(() => {
    throw new Error(`server.mjs exited before it was ready:\n${output}`);
  });
  while (!/ready on http:\/\/localhost:\d+/.test(output)) {
    const [chunk] = (await Promise.race([once(server.stdout!, "data"), exited])) as [string];
    output += chunk;
  }
  return Number(/ready on http:\/\/localhost:(\d+)/.exec(output)?.[1]);
}

/** Runs server.mjs when it is expected to refuse to start: its exit code and error output. */
export async function failedStart(
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; stderr: string }> {
  const server = spawnServer(args, env);
  let stderr = "";
  server.stderr?.on("data", (chunk: string) => (stderr += chunk));
  const [code] = (await once(server, "exit")) as [number | null];
  return { code, stderr };
}
