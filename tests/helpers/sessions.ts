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
