import "server-only";
import type { User } from "next-auth";
import { verifyCredentials } from "@/lib/auth/credentials";
import { createSession } from "@/lib/auth/sessions";
import { clientIp } from "@/lib/client-ip";
import { loginSchema } from "@/lib/validations/auth";

/**
 * The Credentials provider's check, for both ways in: the login server action and
 * Auth.js's own POST /api/auth/callback/credentials. On success it opens a session row
 * and hands its secret to the jwt callback; on any failure it returns null.
 */
export async function authorizeCredentials(input: unknown, request: Request): Promise<User | null> {
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password, remember } = parsed.data;
  const user = await verifyCredentials(email, password);
  if (!user) return null;
  const sessionSecret = await createSession(user.id, remember, {
    userAgent: request.headers.get("user-agent"),
    ip: clientIp(request.headers),
  });
  return { ...user, sessionSecret };
}
