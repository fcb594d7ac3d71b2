import Link from "next/link";
import { useTranslations } from "next-intl";

/** Previous / next links that keep the page's filters (`query`, without the page). */
export function Pagination({
  path,
  query,
  page,
  pageCount,
}: {
  path: string;
  query: string;
  page: number;
  pageCount: number;
}) {
  const t = useTranslations("admin.pagination");
  if (pageCount <= 1 && page <= 1) return null;
  const href = (to: number) => {
    const params = new URLSearchParams(query);
    if (to > 1) params.set("page", String(to));
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };
  return (
    <nav aria-label={t("label")} className="pagination">
      {page > 1 ? <Link href={href(Math.min(page - 1, pageCount))}>{t("previous")}</Link> : <span />}
      <span>{t("position", { page, pageCount })}</span>
      {page < pageCount ? <Link href={href(page + 1)}>{t("next")}</Link> : <span />}
    </nav>
  );
}
