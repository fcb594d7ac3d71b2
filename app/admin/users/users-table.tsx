import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/local-time";
import type { UserRow } from "@/lib/admin/user-search";
import { roleLabels, statusLabels } from "../role-labels";

/** One row per account; its name (or, without one, its address) links to its page. */
export async function UsersTable({ rows }: { rows: UserRow[] }) {
  const [t, roleLabel, statusLabel] = await Promise.all([
    getTranslations("admin.users"),
    roleLabels(),
    statusLabels(),
  ]);
  if (rows.length === 0) return <p>{t("empty")}</p>;
  return (
    <div className="table-scroll">
      <table className="sessions">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("email")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("role")}</th>
            <th scope="col">{t("twoFactor")}</th>
            <th scope="col">{t("created")}</th>
            <th scope="col">{t("lastSignIn")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((user) => (
            <tr key={user.id}>
              <th scope="row">
                <Link href={`/admin/users/${user.id}`}>
                  <bdi>{user.name ?? user.email}</bdi>
                </Link>
              </th>
              <td>
                <bdi>{user.email}</bdi>
              </td>
              <td>
                <span className={`status status-${user.status}`}>{statusLabel(user.status)}</span>
              </td>
              <td>{roleLabel(user.role)}</td>
              <td>{user.twoFactor ? t("on") : t("off")}</td>
              <td>
                <LocalTime iso={user.createdAt.toISOString()} />
              </td>
              <td>{user.lastSignInAt ? <LocalTime iso={user.lastSignInAt.toISOString()} /> : t("never")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
