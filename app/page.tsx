import Link from "next/link";
import { PageNotice } from "@/components/page-notice";
import { SiteHeader } from "@/components/site-header";
import { getCurrentUser } from "@/lib/dal";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function HomePage({ searchParams }: Props) {
  const user = await getCurrentUser();
  const { notice } = await searchParams;
  return (
    <>
      <SiteHeader />
      <main id="main" className="stack">
        <PageNotice code={notice} />
        <h1>Your account, kept yours.</h1>
        <p className="muted">
          Latchkey lets you create an account, sign in and stay signed in, safely. Sessions can be ended from
          anywhere, and passwords never leave the server in any readable form.
        </p>
        <div className="actions">
          {user ? (
            <Link className="button primary" href="/dashboard">
              Go to your dashboard
            </Link>
          ) : (
            <>
              <Link className="button primary" href="/login">
                Sign in
              </Link>
              <Link className="button" href="/register">
                Create account
              </Link>
            </>
          )}
        </div>
      </main>
    </>
  );
}
