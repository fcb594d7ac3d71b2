import { describe, expect, test } from "vitest";
import { parseRateLimitPolicy } from "../../e2e/preflight";

describe("parseRateLimitPolicy", () => {
  test("reads the quotas of draft-ietf-httpapi-ratelimit-headers' named policies", () => {
    expect(parseRateLimitPolicy('"sign-in";q=20;w=60, "forms";q=1000;w=900')).toEqual(
      new Map([
        ["sign-in", 20],
        ["forms", 1000],
      ]),
    );
  });

  test("no header, or none it can read: no quotas", () => {
    expect(parseRateLimitPolicy(null).size).toBe(0);
    expect(parseRateLimitPolicy("garbage;w=60").size).toBe(0);
  });
});
