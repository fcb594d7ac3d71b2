"use server";

import { adminFormAction } from "@/lib/admin/admin-action";
import { changeRole } from "@/lib/admin/role-change";
import { securityContext } from "@/lib/request-context";
import { message } from "@/lib/i18n/message";
import { saveRoleSchema } from "@/lib/validations/admin";
import { actorOf, done, GUARD_REFUSALS, refused } from "../action-answers";

export const saveRoleAction = adminFormAction("roles:manage", {
  schema: saveRoleSchema,
  async run({ userId, role }, admin) {
    const result = await changeRole(actorOf(admin), userId, role, await securityContext());
    if (result === "changed" || result === "unchanged") done(userId, "role-saved");
    if (result === "self") return refused(message("admin.refusals.roleSelf"));
    return refused(GUARD_REFUSALS[result]);
  },
});
