import { LocalTime } from "@/components/local-time";
import { STATUS_LABELS } from "@/lib/admin/user-status";
import type { UserDetails } from "@/lib/admin/user-details";
import { roleLabel } from "../../role-labels";

const Time = ({ at }: { at: Date }) => <LocalTime iso={at.toISOString()} />;

export function AccountSummary({ user }: { user: UserDetails }) {
  return (
    <dl className="details">
      <dt>Email</dt>
      <dd>{user.email}</dd>
      <dt>Name</dt>
      <dd>{user.name ?? "None"}</dd>
      <dt>Status</dt>
      <dd>
        <span className={`status status-${user.status}`}>{STATUS_LABELS[user.status]}</span>
      </dd>
      <dt>Role</dt>
      <dd>{roleLabel(user.role)}</dd>
      <dt>Email confirmed</dt>
      <dd>{user.emailVerified ? <Time at={user.emailVerified} /> : "Not yet"}</dd>
      <dt>Two-factor</dt>
      <dd>
        {user.twoFactor.enabled
          ? `On (authenticator app, ${user.twoFactor.recoveryCodesLeft} recovery codes left)`
          : "Off"}
      </dd>
      <dt>Created</dt>
      <dd>
        <Time at={user.createdAt} />
      </dd>
      <dt>Last sign-in</dt>
      <dd>{user.lastSignInAt ? <Time at={user.lastSignInAt} /> : "Never"}</dd>
    </dl>
  );
}
