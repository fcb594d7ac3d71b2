import "server-only";
import { sweepSessionsNowAndThen } from "@/lib/auth/session-sweep";
import { newTokenSecret, tokenDigest } from "@/lib/auth/token-secret";
import { db } from "@/lib/db";
import { database } from "@/lib/db/connection";
import { newRowId } from "@/lib/db/row-id";
import type { PublicUser } from "@/lib/users";
import { env } from "@/lib/env";
import { clipUserAgent } from "@/lib/user-agent";

export type SessionClient = { userAgent: string | null; ip: string | null };
export type ActiveSession = {
  sessionId: string;
  userId: string;
  expiresAt: Date;
  user: PublicUser;
  /** The user's role as this query read it: fresh on every request, like the rest of the row. */
  role: string;
};

// lastSeenAt is written at most this often, so a busy page is not a write per request.
const TOUCH_INTERVAL_MS = 60_000;

function lifetimes(remember: boolean) {
  return remember
    ? { maxAge: env.SESSION_REMEMBER_MAX_AGE, idle: env.SESSION_REMEMBER_IDLE_TIMEOUT }
    : { maxAge: env.SESSION_MAX_AGE, idle: env.SESSION_IDLE_TIMEOUT };
}

/** Who a session is for: the user, and the credential version their proof was checked against. */
export type SessionOwner = { id: string; credentialVersion: number };

/** How a sign-in was proven: the way in, and every factor checked on the way. */
export type SignInProof = { method: string; factors: string[] };
const PASSWORD_ONLY: SignInProof = { method: "password", factors: ["password"] };

/**
 * Opens a new session (a fresh secret on every sign-in: no fixation) and returns its secret,
 * or null when the account's credentials changed since they were checked: a sign-in that
 * read the old password hash just before a reset must not land a session just after it.
 */
export async function createSession(
  owner: SessionOwner,
  remember: boolean,
  client: SessionClient,
  proof: SignInProof = PASSWORD_ONLY,
): Promise<string | null> {
  // The cookie carries the secret (inside the encrypted JWT); the database only its digest.
  const secret = newTokenSecret();
  const now = new Date();
  const expires = new Date(now.getTime() + lifetimes(remember).maxAge * 1000);
  const { pool } = await database();
  // One statement, so one round trip and a transaction of its own: the account's row is held
  // FOR SHARE while the session is written, as holdsCredentialVersion() would hold it, so a
  // change of credentials in flight is waited for and its new version then seen (no session).
  // Timestamps go as UTC text, as Prisma writes them (timestamp(3) columns, no time zone).
  const { rowCount } = await pool.query(
    `WITH owner AS (
       SELECT "id" FROM "User"
       WHERE "id" = $1 AND "credentialVersion" = $2 AND "disabledAt" IS NULL
       FOR SHARE),
     expired AS (
       DELETE FROM "Session" WHERE "userId" IN (SELECT "id" FROM owner) AND "expires" <= $3::timestamp(3))
     INSERT INTO "Session" ("id", "secretDigest", "userId", "credentialVersion", "remember", "method",
       "factors", "expires", "createdAt", "lastSeenAt", "provenAt", "userAgent", "ip")
     SELECT $4::text, $5::text, "id", $2, $6::boolean, $7::text, $8::text[], $9::timestamp(3),
       $3::timestamp(3), $3::timestamp(3), $3::timestamp(3), $10::text, $11::text
     FROM owner`,
    [
      owner.id,
      owner.credentialVersion,
      now.toISOString(),
      newRowId(now.getTime()),
      tokenDigest(secret),
      remember,
      proof.method,
      proof.factors,
      expires.toISOString(),
      clipUserAgent(client.userAgent),
      client.ip,
    ],
  );
  sweepSessionsNowAndThen(); // other accounts' expired sessions
  return rowCount === 1 ? secret : null;
}

type SessionRow = {
  id: string;
  remember: boolean;
  expires: Date;
  lastSeenAt: Date;
  sessionVersion: number;
  userVersion: number;
  disabledAt: Date | null;
  role: string;
  userId: string;
} & Omit<PublicUser, "id">;

/**
 * The session for a secret, with its user, while it exists, has not passed its absolute or
 * idle expiry, its user is enabled and its credential version is still the user's; otherwise
 * null (and a dead row is removed). One query for all of it, as this runs on every signed-in
 * request (plus, at most once a minute, the write of lastSeenAt). `expiresAt` is when it ends
 * if left idle from now on.
 */
export async function validateSession(secret: string): Promise<ActiveSession | null> {
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s."id", s."remember", s."expires", s."lastSeenAt", s."credentialVersion" AS "sessionVersion",
      u."credentialVersion" AS "userVersion", u."disabledAt",
      u."id" AS "userId", u."name", u."email", u."emailVerified", u."createdAt", u."role"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."secretDigest" = ${tokenDigest(secret)}`;
  if (!row) return null;
  const now = Date.now();
  const idle = lifetimes(row.remember).idle * 1000;
  if (
    row.expires.getTime() <= now ||
    row.lastSeenAt.getTime() + idle <= now ||
    row.disabledAt ||
    row.sessionVersion !== row.userVersion
  ) {
    await db.session.deleteMany({ where: { id: row.id } });
    return null;
  }
  let lastSeenAt = row.lastSeenAt.getTime();
  if (now - lastSeenAt > TOUCH_INTERVAL_MS) {
    lastSeenAt = now;
    await db.session.updateMany({ where: { id: row.id }, data: { lastSeenAt: new Date(now) } });
  }
  const { userId, name, email, emailVerified, createdAt } = row;
  return {
    sessionId: row.id,
    userId,
    expiresAt: new Date(Math.min(row.expires.getTime(), lastSeenAt + idle)),
    user: { id: userId, name, email, emailVerified, createdAt },
    role: row.role,
  };
}

/** The live session a session cookie's token names, for the user it names; else null. */
export async function sessionOfToken(token: { sub: string; sessionSecret: string }) {
  const session = await validateSession(token.sessionSecret);
  return session?.userId === token.sub ? session : null;
}

/** Ends the session of this secret; the user it belonged to, or null when there was none. */
export async function revokeSession(secret: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ userId: string }[]>`
    DELETE FROM "Session" WHERE "secretDigest" = ${tokenDigest(secret)} RETURNING "userId"`;
  return rows[0]?.userId ?? null;
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
