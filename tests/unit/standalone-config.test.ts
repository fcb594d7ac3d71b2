import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { applyStandaloneConfig } from "@/lib/standalone-config.mjs";

// server.mjs in the Docker image (Next's standalone bundle, no next.config.mjs) must hand Next.js
// the config the build resolved, as Next's own standalone server.js does; in a checkout, never.

function folder({ config, build }: { config?: boolean; build?: object }) {
  const dir = mkdtempSync(path.join(tmpdir(), "latchkey-standalone-"));
  if (config) writeFileSync(path.join(dir, "next.config.mjs"), "export default {}");
  if (build) {
    mkdirSync(path.join(dir, ".next"));
    writeFileSync(path.join(dir, ".next", "required-server-files.json"), JSON.stringify({ config: build }));
  }
  return dir;
}

describe("applyStandaloneConfig", () => {
  test("a standalone bundle: the build's resolved config", () => {
    const env: Record<string, string> = {};
    expect(
      applyStandaloneConfig(".next", folder({ build: { distDir: ".next", poweredByHeader: false } }), env),
    ).toBe(true);
    expect(JSON.parse(env.__NEXT_PRIVATE_STANDALONE_CONFIG ?? "")).toEqual({
      distDir: ".next",
      poweredByHeader: false,
    });
  });

  test("a checkout, a folder without a build, or a config already given: left alone", () => {
    const env: Record<string, string> = {};
    expect(applyStandaloneConfig(".next", folder({ config: true, build: { distDir: ".next" } }), env)).toBe(
      false,
    );
    expect(applyStandaloneConfig(".next", folder({}), env)).toBe(false);
    expect(env).toEqual({});
    const given = { __NEXT_PRIVATE_STANDALONE_CONFIG: "{}" };
    expect(applyStandaloneConfig(".next", folder({ build: { distDir: ".next" } }), given)).toBe(false);
    expect(given.__NEXT_PRIVATE_STANDALONE_CONFIG).toBe("{}");
  });
});
