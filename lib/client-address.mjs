// Which address a request comes from, as server.mjs sets it and lib/env.ts validates
// TRUST_PROXY: plain JavaScript, so that server.mjs (which cannot load TypeScript) and the
// app parse the same way.
import { isIP } from "node:net";

/**
 * server.mjs sets this header on every request, from the socket or (TRUST_PROXY) the entry
 * the outermost trusted proxy added to X-Forwarded-For, after discarding any copy the client
 * sent; lib/client-ip.ts reads it.
 */
export const CLIENT_IP_HEADER = "x-latchkey-client-ip";

export const TRUST_PROXY_RULE =
  "must be `true` (one trusted proxy), `false`, or a whole number of trusted proxy hops";

/** TRUST_PROXY as a number of trusted proxy hops (unset, `false`: 0; `true`: 1); null when invalid. */
export function trustProxyHops(/** @type {string | undefined} */ value) {
  const text = (value ?? "").trim();
  if (text === "" || text === "false") return 0;
  if (text === "true") return 1;
  return /^\d{1,3}$/.test(text) ? Number(text) : null;
}

/**
 * `value` as an IP address (surrounding whitespace dropped, an IPv4-mapped IPv6 address as
 * its IPv4, a zone index dropped); null unless it is one: no port, no brackets, no names.
 * @param {string | undefined | null} value
 * @returns {string | null}
 */
export function normalizeIp(value) {
  const text = (value ?? "").trim();
  if (!isIP(text)) return null;
  const address = text.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  return mapped ?? address;
}

/**
 * The client's address according to X-Forwarded-For behind `hops` trusted proxies: the entry
 * the outermost of them (the one the client reached) added, the `hops`-th from the right (entries before it are whatever the
 * client sent). Null when there is no such entry or it is not an IP address.
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} hops
 * @returns {string | null}
 */
export function forwardedClientIp(forwardedFor, hops) {
  if (hops < 1 || forwardedFor === undefined) return null;
  const entries = [forwardedFor].flat().join(",").split(",");
  return entries.length < hops ? null : normalizeIp(entries[entries.length - hops]);
}
