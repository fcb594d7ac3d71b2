// Better Auth's access statements in small: one map from roles to permissions, and every
// check asks for a permission, never a role. A read-only `support` role would be one line:
//   support: ["admin:enter", "users:read", "audit:read"],
// (plus its name in ROLES).

export const ROLES = ["user", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | "admin:enter" // see the admin console at all
  | "users:read" // find users and see one user's details
  | "users:manage" // lock, unlock, sign out, reset two-factor, resend confirmation
  | "roles:manage" // change a user's role
  | "audit:read"; // the whole security event log

const PERMISSIONS: Record<Role, readonly Permission[]> = {
  user: [],
  admin: ["admin:enter", "users:read", "users:manage", "roles:manage", "audit:read"],
};

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/** Whether `role` (as stored: any string) grants `permission`; an unknown role grants nothing. */
export function can(role: string, permission: Permission): boolean {
  return isRole(role) && PERMISSIONS[role].includes(permission);
}

/**
 * What someone whose role is `role` (null: signed out or locked) meets asking for `permission`:
 * it, a 403 when the admin console is no secret to them, else a 404 like a missing page.
 */
export function accessFor(
  role: string | null,
  permission: Permission,
): "allowed" | "forbidden" | "not-found" {
  if (role !== null && can(role, permission)) return "allowed";
  return role !== null && can(role, "admin:enter") ? "forbidden" : "not-found";
}
