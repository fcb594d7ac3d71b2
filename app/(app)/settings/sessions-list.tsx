import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/local-time";
import type { SessionSummary } from "@/lib/auth/sessions";
import { getMessageText } from "@/lib/i18n/server";
import { deviceMessage } from "@/lib/user-agent";
import { revokeOtherSessionsAction, revokeSessionAction } from "./actions/sessions";

/** One table row per live session; the current one is marked and has no revoke button. */
export async function SessionsList({
  sessions,
  currentSessionId,
}: {
  sessions: SessionSummary[];
  currentSessionId: string;
}) {
  const [t, text] = await Promise.all([getTranslations("settings"), getMessageText()]);
  const others = sessions.some((session) => session.id !== currentSessionId);
  return (
    <>
      <div className="table-scroll">
        <table className="sessions">
          <caption className="sr-only">{t("sessions.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("sessions.device")}</th>
              <th scope="col">{t("sessions.ip")}</th>
              <th scope="col">{t("sessions.signedIn")}</th>
              <th scope="col">{t("sessions.lastSeen")}</th>
              <th scope="col">
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => {
              const device = text(deviceMessage(session.userAgent));
              const current = session.id === currentSessionId;
              return (
                <tr key={session.id} aria-current={current ? "true" : undefined}>
                  <th scope="row">
                    {device}
                    {current && <span className="badge">{t("sessions.thisDevice")}</span>}
                  </th>
                  <td>{session.ip ? <bdi>{session.ip}</bdi> : t("unknown")}</td>
                  <td>
                    <LocalTime iso={session.createdAt.toISOString()} />
                  </td>
                  <td>
                    <LocalTime iso={session.lastSeenAt.toISOString()} />
                  </td>
                  <td>
                    {!current && (
                      <form action={revokeSessionAction}>
                        <input type="hidden" name="sessionId" value={session.id} />
                        <button type="submit">
                          {t("sessions.revoke")}
                          <span className="sr-only"> {t("sessions.theSessionOf", { device })}</span>
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
      {!others && <p className="muted empty-state">{t("sessions.onlyThisDevice")}</p>}
      <form action={revokeOtherSessionsAction}>
        <button type="submit">{t("sessions.signOutOthers")}</button>
      </form>
    </>
  );
}
