import type { DefaultSession } from "next-auth";

/** The signed-in user as a request's session carries it (dates as ISO 8601: it crosses JSON). */
type SessionAccount = {
  name: string | null;
  email: string;
  emailVerified: string | null;
  createdAt: string;
  /** Read with the session row on this request (lib/dal.ts requirePermission), never kept in the JWT. */
  role: string;
};

declare module "next-auth" {
  interface User {
    /** Set by authorize() on sign-in only: the new session's secret, carried in the JWT. */
    sessionSecret?: string;
  }
  interface Session {
    user: { id: string } & DefaultSession["user"] & Partial<SessionAccount>;
    sessionId: string;
    /** The session row could not be read (the database is down): neither signed in nor out. */
    databaseUnavailable?: true;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** The session's secret; the row stores only its SHA-256 digest (Session.secretDigest). */
    sessionSecret?: string;
    /** The session row's id, added while a request validates the token. */
    sessionId?: string;
    /** When the session row ends if left idle (ISO 8601), added likewise. */
    sessionExpires?: string;
    /** The user, read with the session row, added likewise. */
    account?: SessionAccount;
    /** Set for one request when the session row could not be read; never trusted from a cookie. */
    databaseUnavailable?: true;
  }
}
