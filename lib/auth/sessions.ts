import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export type SessionClient = { userAgent: string | null; ip: string | null };
export type ActiveSession = { sessionId: string; userId: string };

// lastSeenAt is written at most this often, so a busy page is not a write per request.
const TOUCH_INTERVAL_MS = 60_000;

/** The cookie carries the secret (inside the encrypted JWT); the database only its digest. */
const digest = (secret: string) => createHash("sha256").update(secret).digest("base64url");

function lifetimes(remember: boolean) {
  return remember
    ? { maxAge: env.SESSION_REMEMBER_MAX_AGE, idle: env.SESSION_REMEMBER_IDLE_TIMEOUT }
    : { maxAge: env.SESSION_MAX_AGE, idle: env.SESSION_IDLE_TIMEOUT };
}

/** Opens a new session (a fresh secret on every sign-in: no fixation) and returns its secret. */
export async function createSession(userId: string, remember: boolean, client: SessionClient) {
  const secret = randomBytes(32).toString("base64url");
  const now = Date.now();
  await db.$transaction([
    db.session.deleteMany({ where: { userId, expires: { lte: new Date(now) } } }),
    db.session.create({
      data: {
        sessionToken: digest(secret),
        userId,
        remember,
        expires: new Date(now + lifetimes(remember).maxAge * 1000),
        userAgent: client.userAgent?.slice(0, 512) ?? null,
        ip: client.ip,
      },
    }),
  ]);
  return secret;
}

/**
 * The session for a secret while it exists, has not passed its absolute or idle expiry,
 * and its user is enabled; otherwise null (and an expired row is removed).
 */
export async function validateSession(secret: string): Promise<ActiveSession | null> {
  const row = await db.session.findUnique({
    where: { sessionToken: digest(secret) },
    select: {
      id: true,
      userId: true,
      remember: true,
      expires: true,
      lastSeenAt: true,
      user: { select: { disabledAt: true } },
    },
  });
  if (!row) return null;
  const now = Date.now();
  const idleDeadline = row.lastSeenAt.getTime() + lifetimes(row.remember).idle * 1000;
  if (row.expires.getTime() <= now || idleDeadline <= now || row.user.disabledAt) {
    await db.session.deleteMany({ where: { id: row.id } });
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.updateMany({ where: { id: row.id }, data: { lastSeenAt: new Date(now) } });
  }
  return { sessionId: row.id, userId: row.userId };
}

export async function revokeSession(secret: string): Promise<void> {
  await db.session.deleteMany({ where: { sessionToken: digest(secret) } });
}

export type SessionSummary = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  ip: string | null;
};

/** A user's live sessions (neither absolute nor idle expiry passed), most recently seen first. */
export async function listUserSessions(userId: string): Promise<SessionSummary[]> {
  const now = Date.now();
  const rows = await db.session.findMany({
    where: { userId, expires: { gt: new Date(now) } },
    select: { id: true, createdAt: true, lastSeenAt: true, userAgent: true, ip: true, remember: true },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
  });
  return rows
    .filter((row) => row.lastSeenAt.getTime() + lifetimes(row.remember).idle * 1000 > now)
    .map(({ remember: _remember, ...summary }) => summary);
}

/** Ends one session by its row id, only if it belongs to `userId`; false when it did not. */
export async function revokeSessionById(userId: string, sessionId: string): Promise<boolean> {
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId } });
  return count > 0;
}

/** Ends every session of a user, or every one but `exceptSessionId`. */
export async function revokeUserSessions(userId: string, exceptSessionId?: string): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
  return count;
}
