import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";

export const metadata: Metadata = { title: "Not allowed" };

/** 403, for a signed-in user who may see that something exists but not use it (lib/dal.ts). */
export default function Forbidden() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="narrow">
        <div className="card stack">
          <h1>You do not have access to this page</h1>
          <p>
            Your account is signed in, but its role does not allow this. Ask an administrator if you need it.
          </p>
          <p>
            <Link href="/dashboard">Go to your dashboard</Link>
          </p>
        </div>
      </main>
    </>
  );
}
