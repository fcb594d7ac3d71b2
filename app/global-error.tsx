"use client";

import "./globals.css";
import { ErrorNotice } from "@/components/error-notice";

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
          <ErrorNotice digest={error.digest} retry={reset} />
        </main>
      </body>
    </html>
  );
}
