import type { Metadata } from "next";
import { PageNotice } from "@/components/page-notice";
import { requireUser } from "@/lib/dal";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const memberSince = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

export default async function DashboardPage({ searchParams }: Props) {
  const user = await requireUser("/dashboard");
  const { notice } = await searchParams;
  return (
    <div className="stack">
      <PageNotice code={notice} />
      <h1>Dashboard</h1>
      <p>Welcome back{user.name ? `, ${user.name}` : ""}.</p>
      <section className="card" aria-labelledby="account-heading">
        <h2 id="account-heading">Your account</h2>
        <dl className="details">
          <dt>Name</dt>
          <dd>{user.name ?? "—"}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Member since</dt>
          <dd>
            <time dateTime={user.createdAt.toISOString()}>{memberSince.format(user.createdAt)}</time>
          </dd>
        </dl>
      </section>
    </div>
  );
}
