import { LocalTime } from "@/components/local-time";
import type { ActivityRow } from "@/lib/events/recent";

/** The account's latest security events: when, what, from which address and device. */
export function RecentActivity({ events }: { events: ActivityRow[] }) {
  if (events.length === 0) return <p>Nothing yet.</p>;
  return (
    <div className="table-scroll">
      <table className="sessions">
        <caption className="sr-only">Your account&apos;s recent security events</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">IP address</th>
            <th scope="col">Device</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>
                <LocalTime iso={event.at.toISOString()} />
              </td>
              <th scope="row">{event.what}</th>
              <td>{event.ip ?? "Unknown"}</td>
              <td>{event.device}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
