import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/local-time";
import type { UserDetails } from "@/lib/admin/user-details";
import { roleLabels, statusLabels } from "../../role-labels";

const Time = ({ at }: { at: Date }) => <LocalTime iso={at.toISOString()} />;

export async function AccountSummary({ user }: { user: UserDetails }) {
  const [t, roleLabel, statusLabel] = await Promise.all([
    getTranslations("admin.summary"),
    roleLabels(),
    statusLabels(),
  ]);
  return (
    <dl className="details">
      <dt>{t("email")}</dt>
      <dd>
        <bdi>{user.email}</bdi>
      </dd>
      <dt>{t("name")}</dt>
      <dd>{user.name ? <bdi>{user.name}</bdi> : t("none")}</dd>
      <dt>{t("status")}</dt>
      <dd>
        <span className={`status status-${user.status}`}>{statusLabel(user.status)}</span>
      </dd>
      <dt>{t("role")}</dt>
      <dd>{roleLabel(user.role)}</dd>
      <dt>{t("emailConfirmed")}</dt>
      <dd>{user.emailVerified ? <Time at={user.emailVerified} /> : t("notYet")}</dd>
      <dt>{t("twoFactor")}</dt>
      <dd>
        {user.twoFactor.enabled ? t("twoFactorOn", { count: user.twoFactor.recoveryCodesLeft }) : t("off")}
      </dd>
      <dt>{t("created")}</dt>
      <dd>
        <Time at={user.createdAt} />
      </dd>
      <dt>{t("lastSignIn")}</dt>
      <dd>{user.lastSignInAt ? <Time at={user.lastSignInAt} /> : t("never")}</dd>
    </dl>
  );
}
