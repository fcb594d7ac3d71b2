import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const mocks = vi.hoisted(() => ({ address: "", consumeAll: vi.fn() }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-latchkey-client-ip": mocks.address }),
}));
vi.mock("@/lib/rate-limit", () => ({ consumeAll: mocks.consumeAll }));
const { throttleFormByAddress } = await import("@/lib/form-throttle");

beforeEach(() => {
  vi.stubEnv("VERCEL", "");
  mocks.consumeAll.mockReset().mockResolvedValue({ ok: true });
});
afterEach(() => vi.unstubAllEnvs());

async function addressKey(address: string): Promise<string | undefined> {
  mocks.address = address;
  await throttleFormByAddress("register");
  const [checks] = mocks.consumeAll.mock.lastCall as [[string, unknown][]];
  return checks.map(([key]) => key).find((key) => key.startsWith("register:address:"));
}

describe("throttleFormByAddress", () => {
  it("counts an IPv4 client by its address", async () => {
    expect(await addressKey("203.0.113.7")).toBe("register:address:203.0.113.7");
  });

  it("counts every address of one IPv6 /64, however it is spelt, as one client", async () => {
    for (const address of ["2001:db8:1:2::5", "2001:DB8:1:2:0:0:0:9", "2001:db8:1:2:ffff::1"]) {
      expect(await addressKey(address)).toBe("register:address:2001:db8:1:2::/64");
    }
  });
});
