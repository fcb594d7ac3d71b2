import { getTranslations } from "next-intl/server";
import { ROLES, type Role } from "@/lib/admin/permissions";
import type { UserStatus } from "@/lib/admin/user-status";

const isRole = (role: string): role is Role => ROLES.includes(role as Role);

/** Stored roles in words; one this version does not know is shown as stored. */
export async function roleLabels() {
  const t = await getTranslations("admin.roles");
  return (role: string) => (isRole(role) ? t(role) : role);
}

/** An account's status in words. */
export async function statusLabels() {
  const t = await getTranslations("admin.status");
  return (status: UserStatus) => t(status);
}
