/**
 * server.mjs sets this header on every request, from the socket or (TRUST_PROXY=true)
 * the first X-Forwarded-For hop, after discarding any copy the client sent.
 */
export const CLIENT_IP_HEADER = "x-latchkey-client-ip";

/** The client's address, as far as this deployment can know it; null when it cannot. */
export function clientIp(headers: Headers): string | null {
  // On Vercel there is no server.mjs; the platform overwrites this header itself.
  const header = process.env.VERCEL ? "x-vercel-forwarded-for" : CLIENT_IP_HEADER;
  const value = headers.get(header)?.split(",")[0]?.trim();
  return value ? value.slice(0, 64) : null;
}
