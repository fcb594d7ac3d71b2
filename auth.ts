import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/auth.config";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { authorizeSecondStep } from "@/lib/auth/authorize-second-step";
import { isDatabaseUnavailable, markDatabaseDown } from "@/lib/db/availability.mjs";
import { sessionOfToken } from "@/lib/auth/sessions";
import { endSession } from "@/lib/auth/sign-out";
import { env } from "@/lib/env";
import { authorizePasskey } from "@/lib/passkeys/authorize";
import { authProviders } from "@/lib/providers/auth-providers";
import { providerSignIn } from "@/lib/providers/sign-in";
import { securityContext } from "@/lib/request-context";

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  // No adapter: Auth.js would create users and accounts (and store provider tokens) itself.
  // Provider sign-ins are resolved in the signIn callback instead (lib/providers/sign-in.ts).
  secret: env.AUTH_SECRET,
  // Credentials sessions are JWTs; each names a session row (see lib/auth/sessions.ts).
  // The JWT lives as long as the longest session; the row decides when it really ends.
  session: { strategy: "jwt", maxAge: env.SESSION_REMEMBER_MAX_AGE },
  providers: [
    // Every way in opens its session row through completeSignIn (lib/auth/complete-sign-in.ts):
    // Credentials providers in authorize(), the password (for a two-factor account, only the
    // pending sign-in), the second step that finishes a pending sign-in, and a passkey…
    Credentials({
      credentials: { email: {}, password: {}, remember: {}, returnTo: {} },
      authorize: authorizeCredentials,
    }),
    Credentials({
      id: "two-factor",
      name: "Authentication code",
      credentials: { pending: {}, code: {} },
      authorize: authorizeSecondStep,
    }),
    Credentials({
      id: "passkey",
      name: "Passkey",
      credentials: { response: {}, remember: {} },
      authorize: authorizePasskey,
    }),
    // GitHub, Google and any OpenID Connect provider, each when its variables are set.
    ...authProviders(),
  ],
  callbacks: {
    // Credentials providers have decided in authorize(); a provider's identity is decided here.
    signIn({ user, account }) {
      if (account?.type === "oauth" || account?.type === "oidc") return providerSignIn(user, account);
      return true;
    },
    async jwt({ token, user }) {
      // Sign-in: the token holds only the user id and the session secret.
      if (user?.id && user.sessionSecret) return { sub: user.id, sessionSecret: user.sessionSecret };
      if (!token.sessionSecret || !token.sub) return null;
      const { databaseUnavailable: _stale, ...stored } = token;
      let session;
      try {
        session = await sessionOfToken({ sub: token.sub, sessionSecret: token.sessionSecret });
      } catch (error) {
        // An outage is not a sign-out: Auth.js would clear the cookie on null or a throw, so
        // keep the token and let the data-access layer answer 503 (lib/dal.ts).
        if (!isDatabaseUnavailable(error)) throw error;
        markDatabaseDown();
        return { ...stored, databaseUnavailable: true };
      }
      if (!session) return null;
      // For this request only (tokens are not re-issued): the row's id, not its secret; when
      // the session really ends, which /api/auth/session reports instead of the JWT's; and
      // the user as the same query read it, so the data-access layer need not read it again.
      const { user: account, sessionId, expiresAt, role } = session;
      return {
        ...stored,
        sessionId,
        sessionExpires: expiresAt.toISOString(),
        account: {
          name: account.name,
          email: account.email,
          emailVerified: account.emailVerified?.toISOString() ?? null,
          createdAt: account.createdAt.toISOString(),
          role,
        },
      };
    },
    session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, ...token.account, id: token.sub ?? "" },
        sessionId: token.sessionId ?? "",
        ...(token.databaseUnavailable && { databaseUnavailable: true }),
        expires: token.sessionExpires ?? session.expires,
      };
    },
  },
  events: {
    async signOut(message) {
      if ("token" in message && message.token?.sessionSecret) {
        await endSession(message.token.sessionSecret, await securityContext());
      }
    },
  },
  logger: {
    // A wrong password is not a server error; everything else is logged as usual (a tampered or
    // replayed provider callback included: Auth.js answers it with a redirect to /login).
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
});
