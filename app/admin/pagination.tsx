import Link from "next/link";

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
  if (pageCount <= 1 && page <= 1) return null;
  const href = (to: number) => {
    const params = new URLSearchParams(query);
    if (to > 1) params.set("page", String(to));
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };
  return (
    <nav aria-label="Pages" className="pagination">
      {page > 1 ? <Link href={href(Math.min(page - 1, pageCount))}>Previous page</Link> : <span />}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link href={href(page + 1)}>Next page</Link> : <span />}
    </nav>
  );
}
