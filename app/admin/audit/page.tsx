import { getTranslations } from "next-intl/server";
import { adminTitle } from "@/app/admin/metadata";
import { auditPage } from "@/lib/admin/audit-log";
import { requirePermission } from "@/lib/dal";
import { filterQuery, parseAuditFilters } from "@/lib/validations/admin";
import { EventsTable } from "../events-table";
import { Pagination } from "../pagination";
import { AuditFiltersForm } from "./audit-filters-form";

export const generateMetadata = adminTitle("audit");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  await requirePermission("audit:read");
  const filters = parseAuditFilters(await searchParams);
  const [result, t] = await Promise.all([auditPage(filters), getTranslations("admin.audit")]);
  const query = filterQuery(filters);
  return (
    <div className="stack">
      <h1>{t("heading")}</h1>
      <AuditFiltersForm filters={filters} />
      <p className="actions">
        <span className="muted">{t(query ? "matching" : "total", { count: result.total })}</span>
        {/* The CSV's column names and event kinds stay the stored English identifiers: a file for
            scripts and spreadsheets, the same whoever exports it. */}
        <a href={`/admin/audit/export${query ? `?${query}` : ""}`} download>
          {t("download")}
        </a>
      </p>
      <EventsTable events={result.rows} caption={t("caption")} />
      <Pagination path="/admin/audit" query={query} page={result.page} pageCount={result.pageCount} />
    </div>
  );
}
