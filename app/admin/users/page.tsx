import { getTranslations } from "next-intl/server";
import { adminTitle } from "@/app/admin/metadata";
import { searchUsers } from "@/lib/admin/user-search";
import { requirePermission } from "@/lib/dal";
import { filterQuery, parseUserSearch } from "@/lib/validations/admin";
import { Pagination } from "../pagination";
import { UsersTable } from "./users-table";

export const generateMetadata = adminTitle("users");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  await requirePermission("users:read");
  const search = parseUserSearch(await searchParams);
  const [result, t] = await Promise.all([searchUsers(search), getTranslations("admin.users")]);
  return (
    <div className="stack">
      <h1>{t("heading")}</h1>
      {/* A GET form: it works without JavaScript, and a search is a link that can be shared. */}
      <form method="get" action="/admin/users" role="search" className="admin-filters">
        <div className="field">
          <label htmlFor="user-search">{t("search")}</label>
          <input
            id="user-search"
            type="search"
            name="q"
            defaultValue={search.query ?? ""}
            maxLength={254}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="user-search-hint"
          />
          <p id="user-search-hint" className="field-hint">
            {t("searchHint")}
          </p>
        </div>
        <button type="submit">{t("submit")}</button>
      </form>
      <p className="muted">
        {search.query
          ? t.rich("matching", {
              count: result.total,
              query: search.query,
              bdi: (value) => <bdi>{value}</bdi>,
            })
          : t("total", { count: result.total })}
      </p>
      <UsersTable rows={result.rows} />
      <Pagination
        path="/admin/users"
        query={filterQuery({ q: search.query })}
        page={result.page}
        pageCount={result.pageCount}
      />
    </div>
  );
}
