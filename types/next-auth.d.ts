import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface User {
    /** Set by authorize() on sign-in only: the new session's secret, carried in the JWT. */
    sessionSecret?: string;
  }
  interface Session {
    user: { id: string } & DefaultSession["user"];
    sessionId: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** The session secret; its SHA-256 digest is the session row's key. */
    sid?: string;
    /** The session row's id, added while a request validates the token. */
    sessionId?: string;
    /** When the session row ends if left idle (ISO 8601), added likewise. */
    sessionExpires?: string;
  }
}
