"use client";

import Link from "next/link";
import { ErrorNotice } from "@/components/error-notice";

/** An unexpected error in a page or an action, inside the root layout. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <>
      <header className="site-header">
        <Link href="/" className="brand">
          Latchkey
        </Link>
      </header>
      <main id="main" className="narrow">
        <ErrorNotice digest={error.digest} retry={reset} />
      </main>
    </>
  );
}
