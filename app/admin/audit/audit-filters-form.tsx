import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMessageText } from "@/components/i18n/use-message-text";
import { EVENT_MESSAGES } from "@/lib/events/kinds";
import type { AuditFilters } from "@/lib/validations/admin";

/** A GET form, so it works without JavaScript and a filtered view is a link. */
export function AuditFiltersForm({ filters }: { filters: AuditFilters }) {
  const t = useTranslations("admin.audit");
  const text = useMessageText();
  return (
    <form method="get" action="/admin/audit" className="admin-filters" aria-label={t("filters")}>
      <div className="field">
        <label htmlFor="audit-user">{t("user")}</label>
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
        <label htmlFor="audit-kind">{t("kind")}</label>
        <select id="audit-kind" name="kind" defaultValue={filters.kind ?? ""}>
          <option value="">{t("anyKind")}</option>
          {Object.entries(EVENT_MESSAGES).map(([kind, key]) => (
            <option key={kind} value={kind}>
              {text(key)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-from">{t("from")}</label>
        <input id="audit-from" type="date" name="from" defaultValue={filters.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t("to")}</label>
        <input id="audit-to" type="date" name="to" defaultValue={filters.to ?? ""} />
      </div>
      <div className="actions">
        <button type="submit">{t("submit")}</button>
        <Link href="/admin/audit">{t("clear")}</Link>
      </div>
      <p className="field-hint">{t("datesHint")}</p>
    </form>
  );
}
