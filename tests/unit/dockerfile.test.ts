import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  copyOf,
  dockerignore,
  expand,
  healthcheckOf,
  mayHoldExceptions,
  parseDockerfile,
} from "../../scripts/dockerfile.mjs";

// scripts/prove-image.mjs builds the image's stages from what scripts/dockerfile.mjs reads, so
// its reading of Dockerfile syntax and of .dockerignore's rules must be Docker's.

describe("parseDockerfile", () => {
  test("reads stages, flags, continuations and the exec and shell forms", () => {
    const { args, stages } = parseDockerfile(
      [
        "# syntax=docker/dockerfile:1",
        "ARG BASE=node:24",
        "FROM ${BASE} AS deps",
        "WORKDIR /app",
        "RUN npm ci \\",
        "  # a comment inside",
        "  --no-audit",
        "FROM deps AS runtime",
        'ENV A=1 B="two words"',
        "COPY --from=deps --chown=node:node /app/x /app/y ./",
        'HEALTHCHECK --interval=30s CMD ["node", "-e", "1"]',
        'CMD ["node", "server.mjs"]',
      ].join("\n"),
    );
    expect(args).toEqual({ BASE: "node:24" });
    expect(stages.map(({ name, from }) => [name, from])).toEqual([
      ["deps", "node:24"],
      ["runtime", "deps"],
    ]);
    expect(stages[0]?.steps[1]?.rest).toBe("npm ci --no-audit");
    const [env, copy, health] = stages[1]?.steps ?? [];
    expect(env?.rest).toBe('A=1 B="two words"');
    expect(copy?.flags).toEqual({ from: "deps", chown: "node:node" });
    expect(copyOf(copy!, {})).toEqual({ sources: ["/app/x", "/app/y"], destination: "./" });
    expect(healthcheckOf(health!)).toEqual({ options: { interval: "30s" }, command: ["node", "-e", "1"] });
  });

  test("refuses what it does not understand, so the proof never skips an instruction", () => {
    expect(() => parseDockerfile("FROM node\nVOLUME /data")).toThrow(/VOLUME is not understood/);
    expect(() => expand("${MISSING}", {})).toThrow(/not defined/);
  });

  test("the project's Dockerfile: a non-root runtime with a health check, server.mjs and the migration command", () => {
    const { stages } = parseDockerfile(readFileSync("Dockerfile", "utf8"));
    const runtime = stages.at(-1)!;
    const keywords = runtime.steps.map((step) => step.keyword);
    expect(keywords).not.toContain("RUN");
    expect(runtime.steps.find((step) => step.keyword === "USER")?.rest).toBe("node");
    expect(
      healthcheckOf(runtime.steps.find((step) => step.keyword === "HEALTHCHECK")!).command.join(" "),
    ).toMatch(/\/api\/health/);
    // The very command of `npm start`, Node's heap limits included.
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } };
    expect(JSON.parse(runtime.steps.find((step) => step.keyword === "CMD")!.rest)).toEqual(
      scripts.start.split(" "),
    );
    const compose = readFileSync("compose.yaml", "utf8");
    expect(compose).toContain('command: ["node", "scripts/db-migrate.mjs"]');
    expect(
      runtime.steps.some((step) => step.keyword === "COPY" && step.rest.includes("db-migrate.mjs")),
    ).toBe(true);
  });
});

describe("dockerignore", () => {
  const rules = [
    "node_modules",
    ".next*",
    "**/*.log",
    ".env.*",
    "!.env.example",
    "docs/",
    "!docs/keep.md",
  ].join("\n");
  const ignored = dockerignore(rules);

  test("a match on a folder covers everything beneath it; only the root's unless `**`", () => {
    expect(ignored("node_modules")).toBe(true);
    expect(ignored("node_modules/next/package.json")).toBe(true);
    expect(ignored("lib/node_modules/x.js")).toBe(false);
    expect(ignored(".next-e2e/server/app.js")).toBe(true);
    expect(ignored("lib/deep/debug.log")).toBe(true);
    expect(ignored("debug.log")).toBe(true);
  });

  test("the last matching rule decides, so exceptions bring paths back", () => {
    expect(ignored(".env.local")).toBe(true);
    expect(ignored(".env.example")).toBe(false);
    expect(ignored("docs/other.md")).toBe(true);
    expect(ignored("docs/keep.md")).toBe(false);
    expect(mayHoldExceptions(rules, "docs")).toBe(true);
    expect(mayHoldExceptions(rules, "node_modules")).toBe(false);
  });
});
