import Link from "next/link";

// The few words of the 503 page (app/temporarily-unavailable, and the error pages when the
// database fails mid-request), kept here together.
const TEXT = {
  heading: "Temporarily unavailable",
  body: "Latchkey cannot reach its database right now. Nothing you saved is lost: please try again in a minute.",
  reason: "Reason for the operator:",
  home: "Try again",
};

/** What a page shows while the database cannot serve it; `reason` is one of lib/db/availability.mjs's. */
export function UnavailableNotice({ reason }: { reason?: string }) {
  return (
    <div className="card stack" role="alert" aria-labelledby="unavailable-heading">
      <h1 id="unavailable-heading">{TEXT.heading}</h1>
      <p>{TEXT.body}</p>
      {reason && (
        <p className="muted">
          {TEXT.reason} <code>{reason}</code>
        </p>
      )}
      <div className="actions">
        <Link className="button primary" href="/">
          {TEXT.home}
        </Link>
      </div>
    </div>
  );
}
