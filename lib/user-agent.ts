import { message } from "@/lib/i18n/message";

// A rough "browser on OS" from a User-Agent header, for people reading their session list.
// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
// Product names are not translated; the words around them are (the "device" messages).
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\b(?:OPR|Opera)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(?:Firefox|FxiOS)\//, "Firefox"],
  [/\bHeadlessChrome\//, "Headless Chrome"],
  [/\b(?:Chrome|CriOS)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
  [/\bcurl\//, "curl"],
  [/\bnode(?:-fetch)?\b|\bundici\b/i, "Node.js"],
];

const SYSTEMS: [RegExp, string][] = [
  [/\b(?:iPhone|iPad|iPod)\b/, "iOS"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

const first = (userAgent: string, table: [RegExp, string][]) =>
  table.find(([pattern]) => pattern.test(userAgent))?.[1];

/** The device as a message ("{browser} on {os}", "Unknown device"…), put into words where shown. */
export function deviceMessage(userAgent: string | null | undefined): string {
  const browser = userAgent ? first(userAgent, BROWSERS) : undefined;
  const os = userAgent ? first(userAgent, SYSTEMS) : undefined;
  if (browser && os) return message("device.browserOnOs", { browser, os });
  if (browser) return message("device.browser", { browser });
  if (os) return message("device.someBrowserOnOs", { os });
  return message("device.unknown");
}

/** The most of a User-Agent header we keep: plenty to describe it, too little to fill a table. */
export const MAX_USER_AGENT_LENGTH = 512;

/** A User-Agent header as stored: its first MAX_USER_AGENT_LENGTH characters; null when absent. */
export const clipUserAgent = (userAgent: string | null | undefined): string | null =>
  userAgent?.slice(0, MAX_USER_AGENT_LENGTH) ?? null;
