import "server-only";
import { cache } from "react";
import { forbidden, notFound, redirect } from "next/navigation";
import { auth } from "@/auth";
import { accessFor, can, type Permission, type Role } from "@/lib/admin/permissions";
import { db } from "@/lib/db";
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

export type PermittedSession = CurrentSession & { role: Role };

/** The user's role as the database has it now (a demotion counts from the next request). */
const currentRole = cache(async (userId: string): Promise<string | null> => {
  const row = await db.user.findFirst({ where: { id: userId, disabledAt: null }, select: { role: true } });
  return row?.role ?? null;
});

/** The session, when its user holds `permission` now; else null. */
export async function sessionWithPermission(permission: Permission): Promise<PermittedSession | null> {
  const session = await getCurrentSession();
  if (!session) return null;
  const role = await currentRole(session.user.id);
  return role !== null && can(role, permission) ? { ...session, role: role as Role } : null;
}

/**
 * For every admin page, action and route: the session, when its user holds `permission` now;
 * to anyone else, signed out too, a 404 exactly like a page that does not exist; a 403 only
 * to someone the console is no secret to (who may enter it) but who lacks this permission.
 */
export async function requirePermission(permission: Permission): Promise<PermittedSession> {
  const session = await getCurrentSession();
  const role = session ? await currentRole(session.user.id) : null;
  const access = accessFor(role, permission);
  if (access === "not-found") notFound();
  if (access === "forbidden") forbidden();
  return { ...session!, role: role as Role };
}
