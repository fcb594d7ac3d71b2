import { ROLES, type Role } from "@/lib/admin/permissions";

export const ROLE_LABELS: Record<Role, string> = { user: "User", admin: "Admin" };

/** A stored role in words; one this version does not know is shown as stored. */
export const roleLabel = (role: string) => (ROLES.includes(role as Role) ? ROLE_LABELS[role as Role] : role);
