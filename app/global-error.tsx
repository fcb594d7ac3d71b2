"use client";

import "./globals.css";
import { ErrorNotice } from "@/components/error-notice";
import { UnavailableNotice } from "@/components/unavailable-notice";
import { UNAVAILABLE_DIGEST } from "@/lib/db/availability.mjs";

/** An error in the root layout itself: this replaces it, so it brings its own <html>. */
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body>
        <main id="main" className="narrow">
          {error.digest === UNAVAILABLE_DIGEST ? (
            <UnavailableNotice />
          ) : (
            <ErrorNotice digest={error.digest} retry={reset} />
          )}
        </main>
      </body>
    </html>
  );
}
