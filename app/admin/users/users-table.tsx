import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import { STATUS_LABELS } from "@/lib/admin/user-status";
import type { UserRow } from "@/lib/admin/user-search";
import { roleLabel } from "../role-labels";

/** One row per account; its name (or, without one, its address) links to its page. */
export function UsersTable({ rows }: { rows: UserRow[] }) {
  if (rows.length === 0) return <p>No accounts found.</p>;
  return (
    <div className="table-scroll">
      <table className="sessions">
        <caption className="sr-only">Accounts</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            <th scope="col">Role</th>
            <th scope="col">Two-factor</th>
            <th scope="col">Created</th>
            <th scope="col">Last sign-in</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((user) => (
            <tr key={user.id}>
              <th scope="row">
                <Link href={`/admin/users/${user.id}`}>{user.name ?? user.email}</Link>
              </th>
              <td>{user.email}</td>
              <td>
                <span className={`status status-${user.status}`}>{STATUS_LABELS[user.status]}</span>
              </td>
              <td>{roleLabel(user.role)}</td>
              <td>{user.twoFactor ? "On" : "Off"}</td>
              <td>
                <LocalTime iso={user.createdAt.toISOString()} />
              </td>
              <td>{user.lastSignInAt ? <LocalTime iso={user.lastSignInAt.toISOString()} /> : "Never"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
