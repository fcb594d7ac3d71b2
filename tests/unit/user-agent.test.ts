import { describe, expect, it } from "vitest";
import { inEnglish } from "@/lib/i18n/english";
import { message } from "@/lib/i18n/message";
import { deviceMessage } from "@/lib/user-agent";

describe("deviceMessage in English", () => {
  it.each([
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
      "Chrome on Windows",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
      "Edge on Windows",
    ],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox on Linux"],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      "Safari on macOS",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "Safari on iOS",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1",
      "Chrome on iOS",
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
      "Chrome on Android",
    ],
    ["curl/8.5.0", "curl"],
    ["", "Unknown device"],
    [null, "Unknown device"],
    ["something else entirely", "Unknown device"],
  ])("%s → %s", (userAgent, expected) => {
    expect(inEnglish(deviceMessage(userAgent))).toBe(expected);
  });
});

describe("deviceMessage", () => {
  it("names the browser and system as values, the words around them as a message key", () => {
    const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    expect(deviceMessage(firefox)).toBe(message("device.browserOnOs", { browser: "Firefox", os: "Linux" }));
    expect(deviceMessage("curl/8.5.0")).toBe(message("device.browser", { browser: "curl" }));
    expect(deviceMessage("Mozilla/5.0 (Linux) Unknown/1.0")).toBe(
      message("device.someBrowserOnOs", { os: "Linux" }),
    );
    expect(deviceMessage(null)).toBe(message("device.unknown"));
  });
});
