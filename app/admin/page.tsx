import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { adminTitle } from "@/app/admin/metadata";
import { overview } from "@/lib/admin/overview";
import { requirePermission } from "@/lib/dal";

export const generateMetadata = adminTitle("overview");

export default async function AdminOverviewPage() {
  await requirePermission("admin:enter");
  const [counts, t] = await Promise.all([overview(), getTranslations("admin.overview")]);
  return (
    <div className="stack">
      <h1>{t("heading")}</h1>
      <dl className="details card">
        <dt>{t("accounts")}</dt>
        <dd>{counts.users}</dd>
        <dt>{t("activeAdmins")}</dt>
        <dd>{counts.admins}</dd>
        <dt>{t("locked")}</dt>
        <dd>{counts.locked}</dd>
        <dt>{t("unconfirmed")}</dt>
        <dd>{counts.unconfirmed}</dd>
        <dt>{t("eventsToday")}</dt>
        <dd>{counts.eventsToday}</dd>
      </dl>
      <ul className="admin-links">
        <li>{t.rich("findUsers", { link: (words) => <Link href="/admin/users">{words}</Link> })}</li>
        <li>{t.rich("readAudit", { link: (words) => <Link href="/admin/audit">{words}</Link> })}</li>
      </ul>
    </div>
  );
}
