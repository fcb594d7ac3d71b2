import { PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_REQUEST_BODY_BYTES } from "@/lib/request-body-limit.mjs";
import nextConfig from "@/next.config.mjs";

describe("next.config.mjs", () => {
  it("bounds the bodies Next.js buffers itself, for a chunked request server.mjs cannot size up front", () => {
    const { experimental } = nextConfig(PHASE_PRODUCTION_BUILD);
    expect(experimental?.serverActions?.bodySizeLimit).toBe(MAX_REQUEST_BODY_BYTES);
    // Cut to this size, a longer body is still over the cap for the route and the actions.
    expect(experimental?.proxyClientMaxBodySize).toBeGreaterThanOrEqual(MAX_REQUEST_BODY_BYTES + 65_536);
    expect(experimental?.proxyClientMaxBodySize).toBeLessThanOrEqual(4 * MAX_REQUEST_BODY_BYTES);
  });

  afterEach(() => vi.unstubAllEnvs());

  it("builds Next's standalone bundle for the Dockerfile only (LATCHKEY_STANDALONE, set there)", () => {
    vi.stubEnv("LATCHKEY_STANDALONE", "");
    expect(nextConfig(PHASE_PRODUCTION_BUILD).output).toBeUndefined();
    vi.stubEnv("LATCHKEY_STANDALONE", "true");
    expect(nextConfig(PHASE_PRODUCTION_BUILD).output).toBe("standalone");
  });
});
