import { LocalTime } from "@/components/local-time";
import type { SessionSummary } from "@/lib/auth/sessions";
import { describeUserAgent } from "@/lib/user-agent";
import { RevokeSessionForm } from "./revoke-session-form";

/** The account's live sessions; each but the admin's own can be revoked. */
export function UserSessionsTable({
  userId,
  sessions,
  currentSessionId,
  canRevoke,
}: {
  userId: string;
  sessions: SessionSummary[];
  currentSessionId: string;
  canRevoke: boolean;
}) {
  if (sessions.length === 0) return <p>No active sessions.</p>;
  return (
    <div className="table-scroll">
      <table className="sessions">
        <caption className="sr-only">The account&apos;s active sessions</caption>
        <thead>
          <tr>
            <th scope="col">Device</th>
            <th scope="col">IP address</th>
            <th scope="col">Signed in</th>
            <th scope="col">Last seen</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => {
            const device = describeUserAgent(session.userAgent);
            const yours = session.id === currentSessionId;
            return (
              <tr key={session.id}>
                <th scope="row">
                  {device}
                  {yours && <span className="badge">Your session</span>}
                </th>
                <td>{session.ip ?? "Unknown"}</td>
                <td>
                  <LocalTime iso={session.createdAt.toISOString()} />
                </td>
                <td>
                  <LocalTime iso={session.lastSeenAt.toISOString()} />
                </td>
                <td>
                  {canRevoke && !yours && (
                    <RevokeSessionForm userId={userId} sessionId={session.id} device={device} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
