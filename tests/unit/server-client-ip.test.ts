import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";

// The real server.mjs, with Next.js replaced by a stub that echoes the request headers
// (tests/helpers/fake-next): what the app would read as the client's address.
const servers: ChildProcess[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.kill("SIGKILL");
});

async function startServer(trustProxy: string | undefined): Promise<string> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const server = spawn(process.execPath, ["--import", "./tests/helpers/fake-next/hooks.mjs", "server.mjs"], {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", TRUST_PROXY: trustProxy ?? "", VERCEL: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  servers.push(server);
  let output = "";
  server.stdout?.setEncoding("utf8");
  while (!output.includes("ready on")) {
    const [chunk] = (await once(server.stdout!, "data")) as [string];
    output += chunk;
  }
  return `http://127.0.0.1:${port}`;
}

async function seenAddress(origin: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(`${origin}/`, { headers });
  const seen = (await response.json()) as Record<string, string>;
  return seen["x-latchkey-client-ip"] ?? "";
}

const spoof = { "x-forwarded-for": "203.0.113.9, 10.0.0.1", "x-latchkey-client-ip": "198.51.100.1" };

describe("server.mjs: the client's address", () => {
  it("ignores X-Forwarded-For and a forged address header without TRUST_PROXY", async () => {
    const origin = await startServer(undefined);
    expect(await seenAddress(origin, spoof)).toBe("127.0.0.1");
  });

  it("takes the first X-Forwarded-For hop with TRUST_PROXY=true, and the socket without the header", async () => {
    const origin = await startServer("true");
    expect(await seenAddress(origin, spoof)).toBe("203.0.113.9");
    expect(await seenAddress(origin, { "x-latchkey-client-ip": "198.51.100.1" })).toBe("127.0.0.1");
  });
});
