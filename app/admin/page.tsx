import Link from "next/link";
import { adminTitle } from "@/app/admin/metadata";
import { overview } from "@/lib/admin/overview";
import { requirePermission } from "@/lib/dal";

export const generateMetadata = adminTitle("Overview");

export default async function AdminOverviewPage() {
  await requirePermission("admin:enter");
  const counts = await overview();
  return (
    <div className="stack">
      <h1>Admin console</h1>
      <dl className="details card">
        <dt>Accounts</dt>
        <dd>{counts.users}</dd>
        <dt>Active admins</dt>
        <dd>{counts.admins}</dd>
        <dt>Locked</dt>
        <dd>{counts.locked}</dd>
        <dt>Unconfirmed</dt>
        <dd>{counts.unconfirmed}</dd>
        <dt>Security events in the last 24 hours</dt>
        <dd>{counts.eventsToday}</dd>
      </dl>
      <ul className="admin-links">
        <li>
          <Link href="/admin/users">Find users</Link>: search by email or name, see an account&apos;s sessions
          and sign-in methods, lock it, sign it out, reset its two-factor authentication or change its role.
        </li>
        <li>
          <Link href="/admin/audit">Read the audit log</Link>: every security event, newest first, with a CSV
          export.
        </li>
      </ul>
    </div>
  );
}
