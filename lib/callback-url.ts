export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

const BASE = "http://latchkey.invalid";

/**
 * Returns `value` only when it is a same-origin relative path ("/settings?tab=1"), else
 * the fallback. Browsers treat "//host", "/\host" and control characters leniently, so
 * the check resolves the path against a fixed origin and requires it to stay there, and the
 * resolved path to start with a single "/".
 */
export function safeCallbackUrl(value: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments ("/.//host", "/%2e%2e//host") resolve to "//host": check what is returned, too.
  return /^\/(?![/\\])/.test(path) ? path : fallback;
}
