import { adminTitle } from "@/app/admin/metadata";
import { auditPage } from "@/lib/admin/audit-log";
import { requirePermission } from "@/lib/dal";
import { filterQuery, parseAuditFilters } from "@/lib/validations/admin";
import { EventsTable } from "../events-table";
import { Pagination } from "../pagination";
import { AuditFiltersForm } from "./audit-filters-form";

export const generateMetadata = adminTitle("Audit log");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  await requirePermission("audit:read");
  const filters = parseAuditFilters(await searchParams);
  const result = await auditPage(filters);
  const query = filterQuery(filters);
  return (
    <div className="stack">
      <h1>Audit log</h1>
      <AuditFiltersForm filters={filters} />
      <p className="actions">
        <span className="muted">
          {result.total} event{result.total === 1 ? "" : "s"}
          {query ? " match these filters." : " in all."}
        </span>
        <a href={`/admin/audit/export${query ? `?${query}` : ""}`} download>
          Download CSV
        </a>
      </p>
      <EventsTable events={result.rows} caption="Security events, newest first" />
      <Pagination path="/admin/audit" query={query} page={result.page} pageCount={result.pageCount} />
    </div>
  );
}
