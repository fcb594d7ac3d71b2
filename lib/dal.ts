import "server-only";
import { cookies } from "next/headers";
import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { accessFor, can, type Permission, type Role } from "@/lib/admin/permissions";
import { sessionOfToken } from "@/lib/auth/sessions";
import { readSessionToken } from "@/lib/auth/session-token";
import { DatabaseUnavailableError, isDatabaseUnavailable, markDatabaseDown } from "@/lib/db/availability.mjs";
import { env } from "@/lib/env";
import type { PublicUser } from "@/lib/users";

export type CurrentSession = { user: PublicUser; sessionId: string };

/**
 * This request's session: the cookie's token, then its row and user in one query. Read directly,
 * not through Auth.js's auth(), which would run the same query and encrypt the token again.
 */
const readSession = cache(async () => {
  const token = await readSessionToken(await cookies(), env.AUTH_SECRET);
  if (!token) return null;
  let session;
  try {
    session = await sessionOfToken(token);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    markDatabaseDown();
    // Neither signed in nor out: pages show the 503 page, API routes answer 503 (lib/api-auth.ts).
    throw new DatabaseUnavailableError();
  }
  if (!session) return null;
  return { current: { user: session.user, sessionId: session.sessionId }, role: session.role };
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
