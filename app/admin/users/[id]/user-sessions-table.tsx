import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/local-time";
import type { SessionSummary } from "@/lib/auth/sessions";
import { getMessageText } from "@/lib/i18n/server";
import { deviceMessage } from "@/lib/user-agent";
import { RevokeSessionForm } from "./revoke-session-form";

/** The account's live sessions; each but the admin's own can be revoked. */
export async function UserSessionsTable({
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
  const [t, text] = await Promise.all([getTranslations("admin.sessions"), getMessageText()]);
  if (sessions.length === 0) return <p>{t("empty")}</p>;
  return (
    <div className="table-scroll">
      <table className="sessions">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("device")}</th>
            <th scope="col">{t("ipAddress")}</th>
            <th scope="col">{t("signedIn")}</th>
            <th scope="col">{t("lastSeen")}</th>
            <th scope="col">
              <span className="sr-only">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => {
            const device = text(deviceMessage(session.userAgent));
            const yours = session.id === currentSessionId;
            return (
              <tr key={session.id}>
                <th scope="row">
                  {device}
                  {yours && <span className="badge">{t("yours")}</span>}
                </th>
                <td>{session.ip ? <bdi>{session.ip}</bdi> : t("unknown")}</td>
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
