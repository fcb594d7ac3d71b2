import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";

export const metadata: Metadata = { title: "Page not found" };

/**
 * Every 404: an unknown address, and every /admin path for anyone without the permission, who
 * must not be able to tell the console exists (lib/dal.ts requirePermission).
 */
export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="narrow">
        <div className="card stack">
          <h1>Page not found</h1>
          <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
          <p>
            <Link href="/">Go to the home page</Link>
          </p>
        </div>
      </main>
    </>
  );
}
