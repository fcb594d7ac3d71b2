import "server-only";
import { env } from "@/lib/env";

/**
 * Who passkeys are made for: AUTH_URL's host and origin, never the request's Host header,
 * which a client controls. Without AUTH_URL (local development), localhost on PORT.
 */
export function relyingParty(): { name: string; id: string; origin: string } {
  const url = new URL(env.AUTH_URL ?? `http://localhost:${env.PORT}`);
  return { name: "Latchkey", id: url.hostname, origin: url.origin };
}
