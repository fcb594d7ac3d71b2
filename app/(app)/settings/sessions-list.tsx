import type { SessionSummary } from "@/lib/auth/sessions";
import { describeUserAgent } from "@/lib/user-agent";
import { revokeOtherSessionsAction, revokeSessionAction } from "./actions/sessions";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function Time({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{when.format(at)} UTC</time>;
}

/** One table row per live session; the current one is marked and has no revoke button. */
export function SessionsList({
  sessions,
  currentSessionId,
}: {
  sessions: SessionSummary[];
  currentSessionId: string;
}) {
  return (
    <>
      <div className="table-scroll">
        <table className="sessions">
          <caption className="sr-only">Your active sessions</caption>
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
              const current = session.id === currentSessionId;
              return (
                <tr key={session.id} aria-current={current ? "true" : undefined}>
                  <th scope="row">
                    {device}
                    {current && <span className="badge">This device</span>}
                  </th>
                  <td>{session.ip ?? "Unknown"}</td>
                  <td>
                    <Time at={session.createdAt} />
                  </td>
                  <td>
                    <Time at={session.lastSeenAt} />
                  </td>
                  <td>
                    {!current && (
                      <form action={revokeSessionAction}>
                        <input type="hidden" name="sessionId" value={session.id} />
                        <button type="submit">
                          Revoke<span className="sr-only"> the session of {device}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <form action={revokeOtherSessionsAction}>
        <button type="submit">Sign out other sessions</button>
      </form>
    </>
  );
}
