import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import type { PublicUser } from "@/lib/users";

export type CurrentSession = { user: PublicUser; sessionId: string };

/**
 * The signed-in user and session, checked against the database (session row alive,
 * user enabled), once per request. Every read of private data starts here; middleware
 * alone is never trusted.
 */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const session = await auth();
  const { id, name, email, emailVerified, createdAt } = session?.user ?? {};
  // Read with the session row in one query (lib/auth/sessions.ts validateSession).
  if (!id || !email || !createdAt || !session?.sessionId) return null;
  const user = {
    id,
    name: name ?? null,
    email,
    emailVerified: emailVerified ? new Date(emailVerified) : null,
    createdAt: new Date(createdAt),
  };
  return { user, sessionId: session.sessionId };
});

export async function getCurrentUser(): Promise<PublicUser | null> {
  return (await getCurrentSession())?.user ?? null;
}

/** The signed-in session, or a redirect to /login that comes back to `returnTo`. */
export async function requireSession(returnTo?: string): Promise<CurrentSession> {
  const current = await getCurrentSession();
  if (current) return current;
  redirect(returnTo ? `/login?${new URLSearchParams({ callbackUrl: returnTo })}` : "/login");
}

export async function requireUser(returnTo?: string): Promise<PublicUser> {
  return (await requireSession(returnTo)).user;
}
