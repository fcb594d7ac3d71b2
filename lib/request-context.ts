import "server-only";
import { headers } from "next/headers";
import { clientIp } from "@/lib/client-ip";
import { clipUserAgent } from "@/lib/user-agent";

/** When, from where and from which device an account change was made, for security notices. */
export type SecurityContext = {
  at: Date;
  ip: string | null;
  userAgent: string | null;
  /** The request's Cookie header, for its device cookie (lib/auth/device-cookie.ts). */
  cookieHeader?: string | null;
};

export async function securityContext(): Promise<SecurityContext> {
  const requestHeaders = await headers();
  return {
    at: new Date(),
    ip: clientIp(requestHeaders),
    userAgent: clipUserAgent(requestHeaders.get("user-agent")),
    cookieHeader: requestHeaders.get("cookie"),
  };
}
