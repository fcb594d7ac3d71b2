import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMessageText } from "@/components/i18n/use-message-text";
import { LocalTime } from "@/components/local-time";
import type { AuditRow } from "@/lib/admin/audit-log";

/** Who did it, in words: the account's owner, an admin (linked), or Latchkey itself. */
function Actor({ event }: { event: AuditRow }) {
  const t = useTranslations("admin.events");
  if (event.actorType === "admin") {
    const { actorId, actorEmail } = event;
    if (!actorId || !actorEmail) return <>{t("byDeletedAdmin")}</>;
    return (
      <>
        {t.rich("byAdmin", {
          email: actorEmail,
          link: (email) => (
            <Link href={`/admin/users/${actorId}`}>
              <bdi>{email}</bdi>
            </Link>
          ),
        })}
      </>
    );
  }
  if (event.actorType === "system") return <>{t("bySystem")}</>;
  return <>{t("byOwner")}</>;
}

function Account({ event }: { event: AuditRow }) {
  const t = useTranslations("admin.events");
  if (!event.userId) return <>{t("noAccount")}</>;
  if (!event.userEmail) return <>{t("deletedAccount")}</>;
  return (
    <Link href={`/admin/users/${event.userId}`}>
      <bdi>{event.userEmail}</bdi>
    </Link>
  );
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
  const t = useTranslations("admin.events");
  const text = useMessageText();
  if (events.length === 0) return <p>{t("empty")}</p>;
  return (
    <div className="table-scroll">
      <table className="sessions">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("when")}</th>
            <th scope="col">{t("what")}</th>
            {showAccount && <th scope="col">{t("account")}</th>}
            <th scope="col">{t("by")}</th>
            <th scope="col">{t("ipAddress")}</th>
            <th scope="col">{t("device")}</th>
            <th scope="col">{t("details")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td>
                <LocalTime iso={event.at.toISOString()} />
              </td>
              <th scope="row">{text(event.what)}</th>
              {showAccount && (
                <td>
                  <Account event={event} />
                </td>
              )}
              <td>
                <Actor event={event} />
              </td>
              <td>{event.ip ? <bdi>{event.ip}</bdi> : t("unknown")}</td>
              <td>{text(event.device)}</td>
              <td className="muted">
                <bdi>{detailsText(event.details)}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
