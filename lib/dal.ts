import "server-only";
import { cache } from "react";
import { forbidden, notFound, redirect } from "next/navigation";
import { auth } from "@/auth";
import { accessFor, can, type Permission, type Role } from "@/lib/admin/permissions";
import { DatabaseUnavailableError } from "@/lib/db/availability.mjs";
import type { PublicUser } from "@/lib/users";

export type CurrentSession = { user: PublicUser; sessionId: string };

/** This request's session as Auth.js reports it (its callbacks read the row and the user, once). */
const readSession = cache(async () => {
  const session = await auth();
  // Neither signed in nor out: pages show the 503 page, API routes answer 503 (lib/api-auth.ts).
  if (session?.databaseUnavailable) throw new DatabaseUnavailableError();
  const { id, name, email, emailVerified, createdAt, role } = session?.user ?? {};
  // Read with the session row in one query (lib/auth/sessions.ts validateSession).
  if (!id || !email || !createdAt || !session?.sessionId) return null;
  const user = {
    id,
    name: name ?? null,
    email,
    emailVerified: emailVerified ? new Date(emailVerified) : null,
    createdAt: new Date(createdAt),
  };
  return { current: { user, sessionId: session.sessionId }, role: role ?? null };
});

/**
 * The signed-in user and session, checked against the database (session row alive,
 * user enabled), once per request. Every read of private data starts here; middleware
 * alone is never trusted.
 */
export const getCurrentSession = cache(
  async (): Promise<CurrentSession | null> => (await readSession())?.current ?? null,
);

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

export type PermittedSession = CurrentSession & { role: Role };

/** The session, when its user holds `permission` now; else null. */
export async function sessionWithPermission(permission: Permission): Promise<PermittedSession | null> {
  const read = await readSession();
  return read?.role != null && can(read.role, permission)
    ? { ...read.current, role: read.role as Role }
    : null;
}

/**
 * For every admin page, action and route: the session, when its user holds `permission` now;
 * to anyone else, signed out too, a 404 exactly like a page that does not exist; a 403 only
 * to someone the console is no secret to (who may enter it) but who lacks this permission.
 */
export async function requirePermission(permission: Permission): Promise<PermittedSession> {
  // The role comes from the same per-request read of the session row and its user as
  // everything else here, so a demotion or a lock counts from the next request.
  const read = await readSession();
  const access = accessFor(read?.role ?? null, permission);
  if (access === "not-found") notFound();
  if (access === "forbidden") forbidden();
  return { ...read!.current, role: read!.role as Role };
}
