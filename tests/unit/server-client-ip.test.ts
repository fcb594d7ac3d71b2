import { afterEach, describe, expect, it } from "vitest";
import { failedStart, startServer, stopServers } from "@/tests/helpers/fake-next-server";

// The real server.mjs in front of a stub Next.js that echoes the request headers: what the
// app would read as the client's address.
afterEach(stopServers);

async function seenAddress(port: number, headers: Record<string, string>): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/`, { headers });
  const seen = (await response.json()) as Record<string, string>;
  return seen["x-latchkey-client-ip"] ?? "";
}

// The client wrote the first entry; two proxies appended theirs (the nearest one last).
const forged = {
  "x-forwarded-for": "203.0.113.9, 198.51.100.20, 10.0.0.1",
  "x-latchkey-client-ip": "198.51.100.1",
};

describe("server.mjs: the client's address", () => {
  it("ignores X-Forwarded-For and a forged address header without TRUST_PROXY", async () => {
    const port = await startServer();
    expect(await seenAddress(port, forged)).toBe("127.0.0.1");
  });

  it("takes the last X-Forwarded-For entry with TRUST_PROXY=true, never the client's first", async () => {
    const port = await startServer({ TRUST_PROXY: "true" });
    expect(await seenAddress(port, forged)).toBe("10.0.0.1");
    expect(await seenAddress(port, { "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
    expect(await seenAddress(port, { "x-latchkey-client-ip": "198.51.100.1" })).toBe("127.0.0.1");
  });

  it("takes the second entry from the right with TRUST_PROXY=2", async () => {
    const port = await startServer({ TRUST_PROXY: "2" });
    expect(await seenAddress(port, forged)).toBe("198.51.100.20");
    // Fewer entries than trusted hops: the socket's address.
    expect(await seenAddress(port, { "x-forwarded-for": "203.0.113.9" })).toBe("127.0.0.1");
  });

  it("uses the socket's address when the chosen entry is not an IP address", async () => {
    const port = await startServer({ TRUST_PROXY: "true" });
    for (const entry of ["unknown", "203.0.113.9:80", "<script>", "[2001:db8::1]"]) {
      expect(await seenAddress(port, { "x-forwarded-for": `198.51.100.20, ${entry}` })).toBe("127.0.0.1");
    }
    expect(await seenAddress(port, { "x-forwarded-for": "198.51.100.20, ::ffff:192.0.2.4" })).toBe(
      "192.0.2.4",
    );
  });

  it("refuses to start with an invalid TRUST_PROXY, and says why", async () => {
    for (const value of ["yes", "-1"]) {
      const { code, stderr } = await failedStart({ TRUST_PROXY: value });
      expect(code).toBe(1);
      expect(stderr).toContain(`TRUST_PROXY must be \`true\``);
      expect(stderr).toContain(`"${value}"`);
    }
  });
});
