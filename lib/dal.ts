import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { findUserById, type PublicUser } from "@/lib/users";

export type CurrentSession = { user: PublicUser; sessionId: string };

/**
 * The signed-in user and session, checked against the database (session row alive,
 * user enabled), once per request. Every read of private data starts here; middleware
 * alone is never trusted.
 */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const session = await auth();
  if (!session?.user?.id || !session.sessionId) return null;
  const user = await findUserById(session.user.id);
  return user ? { user, sessionId: session.sessionId } : null;
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
