import Link from "next/link";
import { EVENT_LABELS } from "@/lib/events/kinds";
import type { AuditFilters } from "@/lib/validations/admin";

/** A GET form, so it works without JavaScript and a filtered view is a link. */
export function AuditFiltersForm({ filters }: { filters: AuditFilters }) {
  return (
    <form method="get" action="/admin/audit" className="admin-filters" aria-label="Filter events">
      <div className="field">
        <label htmlFor="audit-user">User email</label>
        <input
          id="audit-user"
          type="email"
          name="user"
          defaultValue={filters.user ?? ""}
          maxLength={254}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="field">
        <label htmlFor="audit-kind">Kind</label>
        <select id="audit-kind" name="kind" defaultValue={filters.kind ?? ""}>
          <option value="">Any kind</option>
          {Object.entries(EVENT_LABELS).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-from">From</label>
        <input id="audit-from" type="date" name="from" defaultValue={filters.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">To</label>
        <input id="audit-to" type="date" name="to" defaultValue={filters.to ?? ""} />
      </div>
      <div className="actions">
        <button type="submit">Filter</button>
        <Link href="/admin/audit">Clear filters</Link>
      </div>
      <p className="field-hint">Dates are whole days in UTC, both included.</p>
    </form>
  );
}
