import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackUrl } from "@/lib/callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/settings?tab=sessions#top", "/settings?tab=sessions#top"],
    ["/a/../settings", "/settings"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/", "/"],
    ["/?tab=1", "/?tab=1"],
    ["/a/./b/../settings", "/a/settings"],
    ["/a//b", "/a//b"],
    // An encoded backslash is not decoded: it stays a path segment on this origin.
    ["/%5cevil.example", "/%5cevil.example"],
    ["/.%2f/evil.example", "/.%2f/evil.example"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    "https://evil.example",
    "http://evil.example/dashboard",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    // Dot segments that resolve to a protocol-relative "//host".
    "/.//evil.example/",
    "/%2e//evil.example/",
    "/%2E//evil.example/",
    "/a/..//evil.example/",
    "/%2e%2e//evil.example",
    "/a/%2e%2e//evil.example",
    "/././/evil.example",
    "/.///evil.example",
    "/./\\evil.example",
    " //evil.example",
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "evil.example",
    "dashboard",
    "",
    "/" + "a".repeat(3000),
  ])("falls back for %j", (input) => {
    expect(safeCallbackUrl(input)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("falls back for values that are not strings", () => {
    expect(safeCallbackUrl(undefined)).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeCallbackUrl(["/settings", "/x"])).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(safeCallbackUrl(42, "/")).toBe("/");
  });
});
