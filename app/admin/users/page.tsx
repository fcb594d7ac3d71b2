import { adminTitle } from "@/app/admin/metadata";
import { searchUsers } from "@/lib/admin/user-search";
import { requirePermission } from "@/lib/dal";
import { filterQuery, parseUserSearch } from "@/lib/validations/admin";
import { Pagination } from "../pagination";
import { UsersTable } from "./users-table";

export const generateMetadata = adminTitle("Users");

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  await requirePermission("users:read");
  const search = parseUserSearch(await searchParams);
  const result = await searchUsers(search);
  const found = `${result.total} account${result.total === 1 ? "" : "s"}`;
  return (
    <div className="stack">
      <h1>Users</h1>
      {/* A GET form: it works without JavaScript, and a search is a link that can be shared. */}
      <form method="get" action="/admin/users" role="search" className="admin-filters">
        <div className="field">
          <label htmlFor="user-search">Search users</label>
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
            Part of an email address or a name; upper or lower case alike.
          </p>
        </div>
        <button type="submit">Search</button>
      </form>
      <p className="muted">{search.query ? `${found} match “${search.query}”.` : `${found} in all.`}</p>
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
