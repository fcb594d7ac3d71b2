"use client";

import Link from "next/link";

/**
 * What every unexpected error shows: no message, no stack trace, only a reference that the
 * server log prints beside the error (instrumentation.ts, onRequestError), and a retry.
 */
export function ErrorNotice({ digest, retry }: { digest?: string; retry: () => void }) {
  return (
    <div className="card stack" role="alert" aria-labelledby="error-heading">
      <h1 id="error-heading">Something went wrong</h1>
      <p>We could not finish that. Nothing you entered was lost on our side: please try again.</p>
      {digest && (
        <p className="muted">
          If it keeps happening, tell support this reference: <code>{digest}</code>
        </p>
      )}
      <div className="actions">
        <button type="button" className="button primary" onClick={retry}>
          Try again
        </button>
        <Link className="button" href="/">
          Go to the home page
        </Link>
      </div>
    </div>
  );
}
