import { afterEach, describe, expect, it, vi } from "vitest";
import { clientIp, rateLimitAddress } from "@/lib/client-ip";

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

  it("on Vercel, takes the first entry only when it is an IP address", () => {
    vi.stubEnv("VERCEL", "1");
    const vercel = (value: string) => clientIp(new Headers({ "x-vercel-forwarded-for": value }));
    expect(vercel(" 2001:db8::5 , 10.0.0.1")).toBe("2001:db8::5");
    for (const value of ["unknown", "192.0.2.4:443", "<script>", "x".repeat(100)]) {
      expect(vercel(value)).toBeNull();
    }
  });
});

describe("rateLimitAddress", () => {
  it("keeps an IPv4 address, and counts a mapped one as its IPv4", () => {
    expect(rateLimitAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(rateLimitAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(rateLimitAddress("::ffff:cb00:7107")).toBe("203.0.113.7");
  });

  it("counts an IPv6 address as its /64, so one subscriber's addresses share one limit", () => {
    expect(rateLimitAddress("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(rateLimitAddress("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(rateLimitAddress("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(rateLimitAddress("::1")).toBe("::/64");
    expect(rateLimitAddress("fe80::1%eth0")).toBe("fe80::/64");
  });

  it("gives one key for every spelling of one address", () => {
    const spellings = [
      "2001:DB8:0:0::1",
      "2001:db8::1",
      "2001:0db8:0000:0000:0000:0000:0000:0001",
      " 2001:db8::0:1 ",
    ];
    expect(new Set(spellings.map(rateLimitAddress))).toEqual(new Set(["2001:db8::/64"]));
    expect(rateLimitAddress("2001:0:0:1::")).toBe("2001:0:0:1::/64");
    expect(rateLimitAddress("::1.2.3.4")).toBe("::/64");
  });
});
