import { ROLES } from "@/lib/admin/permissions";
import type { UserDetails } from "@/lib/admin/user-details";
import { ROLE_LABELS } from "../../role-labels";
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
export function UserActions({ user, self, canManage, canManageRoles }: Props) {
  const fields = { userId: user.id };
  const locked = user.status === "locked";
  return (
    <div className="stack">
      {self && (
        <p className="muted">This is your own account: only another admin can lock it or change its role.</p>
      )}
      {canManage && !self && (
        <ConfirmedActionForm
          key={locked ? "unlock" : "lock"}
          action={locked ? unlockAccountAction : lockAccountAction}
          fields={fields}
          label={locked ? "Unlock account" : "Lock account"}
          danger={!locked}
          warning={
            locked
              ? "The account can sign in again. Its owner is emailed."
              : "No way in works for the account any more, and every one of its sessions ends now. Its owner is emailed."
          }
        />
      )}
      {canManage && (
        <ConfirmedActionForm
          action={signOutAllSessionsAction}
          fields={fields}
          label="Sign out all sessions"
          warning={
            self
              ? "Every session of your account but this one ends."
              : "Every session of the account ends; it can sign in again."
          }
        />
      )}
      {canManage && !self && user.twoFactor.enabled && (
        <ConfirmedActionForm
          action={resetTwoFactorAction}
          fields={fields}
          label="Reset two-factor authentication"
          danger
          warning={
            "The account's authenticator app and recovery codes stop working and every session ends: " +
            "signing in then asks for the password alone. Do this only for a person whose identity you " +
            "have checked. Its owner is emailed."
          }
        />
      )}
      {canManage && user.status === "unconfirmed" && (
        <ConfirmedActionForm
          action={resendConfirmationAction}
          fields={fields}
          label="Resend confirmation email"
          warning={`A new link goes to ${user.email}; the one sent before stops working.`}
        />
      )}
      {canManageRoles && !self && (
        <ConfirmedActionForm
          action={saveRoleAction}
          fields={fields}
          label="Save role"
          warning="The account's permissions change from its next request. Its owner is emailed."
        >
          <div className="field">
            <label htmlFor="role">Role</label>
            <select id="role" name="role" defaultValue={user.role}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          </div>
        </ConfirmedActionForm>
      )}
    </div>
  );
}
