import { getTranslations } from "next-intl/server";
import { ROLES } from "@/lib/admin/permissions";
import type { UserDetails } from "@/lib/admin/user-details";
import { roleLabels } from "../../role-labels";
import { lockAccountAction, unlockAccountAction } from "./actions/access";
import { resendConfirmationAction } from "./actions/confirmation-email";
import { saveRoleAction } from "./actions/role";
import { signOutAllSessionsAction } from "./actions/sessions";
import { resetTwoFactorAction } from "./actions/two-factor";
import { ConfirmedActionForm } from "./confirmed-action-form";

type Props = {
  user: UserDetails;
  /** The admin's own account: they cannot lock it or change its role. */
  self: boolean;
  canManage: boolean;
  canManageRoles: boolean;
};

/** The actions this admin may take on this account, each with a confirmation step. */
export async function UserActions({ user, self, canManage, canManageRoles }: Props) {
  const [t, roleLabel] = await Promise.all([getTranslations("admin.actions"), roleLabels()]);
  const fields = { userId: user.id };
  const locked = user.status === "locked";
  return (
    <div className="stack">
      {self && <p className="muted">{t("ownAccount")}</p>}
      {canManage && !self && (
        <ConfirmedActionForm
          key={locked ? "unlock" : "lock"}
          action={locked ? unlockAccountAction : lockAccountAction}
          fields={fields}
          label={locked ? t("unlock") : t("lock")}
          danger={!locked}
          warning={locked ? t("unlockWarning") : t("lockWarning")}
        />
      )}
      {canManage && (
        <ConfirmedActionForm
          action={signOutAllSessionsAction}
          fields={fields}
          label={t("signOutAll")}
          warning={self ? t("signOutAllOwnWarning") : t("signOutAllWarning")}
        />
      )}
      {canManage && !self && user.twoFactor.enabled && (
        <ConfirmedActionForm
          action={resetTwoFactorAction}
          fields={fields}
          label={t("resetTwoFactor")}
          danger
          warning={t("resetTwoFactorWarning")}
        />
      )}
      {canManage && user.status === "unconfirmed" && (
        <ConfirmedActionForm
          action={resendConfirmationAction}
          fields={fields}
          label={t("resendConfirmation")}
          warning={t.rich("resendConfirmationWarning", {
            email: user.email,
            bdi: (email) => <bdi>{email}</bdi>,
          })}
        />
      )}
      {canManageRoles && !self && (
        <ConfirmedActionForm
          action={saveRoleAction}
          fields={fields}
          label={t("saveRole")}
          warning={t("saveRoleWarning")}
        >
          <div className="field">
            <label htmlFor="role">{t("role")}</label>
            <select id="role" name="role" defaultValue={user.role}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {roleLabel(role)}
                </option>
              ))}
            </select>
          </div>
        </ConfirmedActionForm>
      )}
    </div>
  );
}
