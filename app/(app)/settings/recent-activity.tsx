import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/local-time";
import type { ActivityRow } from "@/lib/events/recent";
import { getMessageText } from "@/lib/i18n/server";

/** The account's latest security events: when, what, from which address and device. */
export async function RecentActivity({ events }: { events: ActivityRow[] }) {
  const [t, text] = await Promise.all([getTranslations(), getMessageText()]);
  if (events.length === 0) return <p className="muted empty-state">{t("settings.activity.empty")}</p>;
  return (
    <div className="table-scroll">
      <table className="sessions">
        <caption className="sr-only">{t("settings.activity.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("settings.activity.when")}</th>
            <th scope="col">{t("settings.activity.what")}</th>
            <th scope="col">{t("settings.activity.ip")}</th>
            <th scope="col">{t("settings.activity.device")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>
                <LocalTime iso={event.at.toISOString()} />
              </td>
              <th scope="row">
                {event.provider
                  ? t("events.withProvider", { what: text(event.what), provider: event.provider })
                  : text(event.what)}
              </th>
              <td>{event.ip ? <bdi>{event.ip}</bdi> : t("settings.unknown")}</td>
              <td>{text(event.device)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
