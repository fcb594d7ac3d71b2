import { describe, expect, it } from "vitest";
import { forwardedClientIp, normalizeIp, trustProxyHops } from "@/lib/client-address.mjs";

describe("trustProxyHops", () => {
  it("reads TRUST_PROXY as a number of trusted proxy hops", () => {
    expect([undefined, "", "false", "0", "true", "1", "2", " 3 "].map(trustProxyHops)).toEqual([
      0, 0, 0, 0, 1, 1, 2, 3,
    ]);
  });

  it("refuses anything else", () => {
    for (const value of ["yes", "-1", "1.5", "TRUE", "1e3", "two", "1000"]) {
      expect(trustProxyHops(value)).toBeNull();
    }
  });
});

describe("normalizeIp", () => {
  it("accepts IPv4 and IPv6 addresses, trimmed, a mapped IPv4 as itself, without a zone", () => {
    expect(normalizeIp(" 203.0.113.7 ")).toBe("203.0.113.7");
    expect(normalizeIp("2001:db8::1")).toBe("2001:db8::1");
    expect(normalizeIp("::FFFF:192.0.2.4")).toBe("192.0.2.4");
    expect(normalizeIp("fe80::1%eth0")).toBe("fe80::1");
  });

  it("refuses whatever is not an address: names, ports, brackets, markup", () => {
    for (const value of [
      "unknown",
      "1.2.3.4:80",
      "[2001:db8::1]",
      "[2001:db8::1]:443",
      "<script>",
      "203.0.113.007",
      "256.1.1.1",
      "",
      undefined,
    ]) {
      expect(normalizeIp(value)).toBeNull();
    }
  });
});

describe("forwardedClientIp", () => {
  const header = "203.0.113.9, 198.51.100.20 ,10.0.0.1";

  it("takes the entry the nearest trusted proxy added: the n-th from the right", () => {
    expect(forwardedClientIp(header, 1)).toBe("10.0.0.1");
    expect(forwardedClientIp(header, 2)).toBe("198.51.100.20");
    expect(forwardedClientIp(header, 3)).toBe("203.0.113.9");
    expect(forwardedClientIp(["203.0.113.9", "198.51.100.20, 10.0.0.1"], 2)).toBe("198.51.100.20");
  });

  it("gives nothing with no trusted hop, too few entries, or an entry that is not an address", () => {
    expect(forwardedClientIp(header, 0)).toBeNull();
    expect(forwardedClientIp(header, 4)).toBeNull();
    expect(forwardedClientIp(undefined, 1)).toBeNull();
    for (const entry of ["unknown", "1.2.3.4:80", "<script>", "", "\u0000garbage"]) {
      expect(forwardedClientIp(`203.0.113.9, ${entry}`, 1)).toBeNull();
    }
  });
});
