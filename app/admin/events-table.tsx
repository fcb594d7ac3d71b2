import Link from "next/link";
import { LocalTime } from "@/components/local-time";
import type { AuditRow } from "@/lib/admin/audit-log";

/** Who did it, in words: the account's owner, an admin (linked), or Latchkey itself. */
function Actor({ event }: { event: AuditRow }) {
  if (event.actorType === "admin") {
    if (!event.actorId || !event.actorEmail) return <>An admin (account deleted)</>;
    return (
      <>
        Admin <Link href={`/admin/users/${event.actorId}`}>{event.actorEmail}</Link>
      </>
    );
  }
  if (event.actorType === "system") return <>Latchkey</>;
  return <>The account&apos;s owner</>;
}

function Account({ event }: { event: AuditRow }) {
  if (!event.userId) return <>No account</>;
  if (!event.userEmail) return <>A deleted account</>;
  return <Link href={`/admin/users/${event.userId}`}>{event.userEmail}</Link>;
}

/** An event's small details (never secret) as "key: value" pairs. */
function detailsText(details: AuditRow["details"]): string {
  if (!details || typeof details !== "object" || Array.isArray(details)) return "";
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join(", ");
}

/** Security events, newest first; `showAccount` for the log of every account. */
export function EventsTable({
  events,
  caption,
  showAccount = true,
}: {
  events: AuditRow[];
  caption: string;
  showAccount?: boolean;
}) {
  if (events.length === 0) return <p>No events.</p>;
  return (
    <div className="table-scroll">
      <table className="sessions">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            {showAccount && <th scope="col">Account</th>}
            <th scope="col">By</th>
            <th scope="col">IP address</th>
            <th scope="col">Device</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>
                <LocalTime iso={event.at.toISOString()} />
              </td>
              <th scope="row">{event.what}</th>
              {showAccount && (
                <td>
                  <Account event={event} />
                </td>
              )}
              <td>
                <Actor event={event} />
              </td>
              <td>{event.ip ?? "Unknown"}</td>
              <td>{event.device}</td>
              <td className="muted">{detailsText(event.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
