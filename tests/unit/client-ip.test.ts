import { afterEach, describe, expect, it, vi } from "vitest";
import { clientIp } from "@/lib/client-ip";

afterEach(() => vi.unstubAllEnvs());

describe("clientIp", () => {
  it("reads only the header server.mjs sets, never X-Forwarded-For", () => {
    vi.stubEnv("VERCEL", "");
    const headers = new Headers({ "x-latchkey-client-ip": "203.0.113.7", "x-forwarded-for": "198.51.100.1" });
    expect(clientIp(headers)).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.1" }))).toBeNull();
  });

  it("on Vercel, reads the platform's header and ignores ours", () => {
    vi.stubEnv("VERCEL", "1");
    const headers = new Headers({
      "x-vercel-forwarded-for": "192.0.2.4",
      "x-latchkey-client-ip": "203.0.113.7",
    });
    expect(clientIp(headers)).toBe("192.0.2.4");
  });
});
