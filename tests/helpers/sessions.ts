import { createSession, type SessionClient } from "@/lib/auth/sessions";
import { db } from "@/lib/db";

/** A session for a user at their current credential version, as a sign-in would open it. */
export async function openSession(
  userId: string,
  remember = false,
  client: SessionClient = { userAgent: "vitest", ip: null },
): Promise<string> {
  const { credentialVersion } = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { credentialVersion: true },
  });
  const secret = await createSession({ id: userId, credentialVersion }, remember, client);
  if (!secret) throw new Error(`no session opened for user ${userId}`);
  return secret;
}

/**
 * This test's "browser" (the next/headers mock's cookie jar) signed in as `userId`, with the
 * session cookie Auth.js would set (the Secure name: with no AUTH_URL, Auth.js assumes https).
 */
export async function signInBrowserAs(userId: string): Promise<{ secret: string; sessionId: string }> {
  const { encode } = await import("next-auth/jwt");
  const { cookieJar } = await import("@/tests/helpers/next-headers");
  const { validateSession } = await import("@/lib/auth/sessions");
  const secret = await openSession(userId);
  const salt = "__Secure-authjs.session-token";
  cookieJar.clear();
  cookieJar.set(
    salt,
    await encode({ token: { sub: userId, sessionSecret: secret }, secret: process.env.AUTH_SECRET!, salt }),
  );
  return { secret, sessionId: (await validateSession(secret))!.sessionId };
}
