import { isIPv6 } from "node:net";
import { CLIENT_IP_HEADER, normalizeIp } from "@/lib/client-address.mjs";
import { onVercel } from "@/lib/env";

/** The client's address, as far as this deployment can know it; null when it cannot. */
export function clientIp(headers: Headers): string | null {
  // On Vercel there is no server.mjs; the platform overwrites this header itself.
  const header = onVercel() ? "x-vercel-forwarded-for" : CLIENT_IP_HEADER;
  return normalizeIp(headers.get(header)?.split(",")[0]);
}

/** The eight 16-bit groups of a valid IPv6 address (dotted IPv4 tail included). */
function ipv6Groups(address: string): number[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const text = dotted
    ? address.slice(0, dotted.index) +
      [0, 2].map((i) => (Number(dotted[i + 1]) * 256 + Number(dotted[i + 2])).toString(16)).join(":")
    : address;
  const [head = "", tail] = text.split("::");
  const parse = (part: string) => (part ? part.split(":").map((group) => Number.parseInt(group, 16)) : []);
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/** RFC 5952 text: lower case, no leading zeros, the longest run of two or more zero groups as `::`. */
function formatIpv6(groups: number[]): string {
  let [start, length] = [-1, 1];
  for (let i = 0; i < 8; i++) {
    let run = 0;
    while (groups[i + run] === 0) run++;
    if (run > length) [start, length] = [i, run];
  }
  const hex = groups.map((group) => group.toString(16));
  if (start < 0) return hex.join(":");
  return `${hex.slice(0, start).join(":")}::${hex.slice(start + length).join(":")}`;
}

/**
 * The key an address is rate-limited by: an IPv4 address itself, an IPv6 address its /64
 * (one subscriber's allocation, so spraying across it counts as one client), an
 * IPv4-mapped IPv6 address its IPv4. Different spellings of one address give one key.
 */
export function rateLimitAddress(ip: string): string {
  const address = normalizeIp(ip) ?? ip;
  if (!isIPv6(address)) return address;
  const groups = ipv6Groups(address);
  const [high = 0, low = 0] = groups.slice(6);
  if (groups.slice(0, 6).join() === "0,0,0,0,0,65535") {
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  return `${formatIpv6([...groups.slice(0, 4), 0, 0, 0, 0])}/64`;
}
