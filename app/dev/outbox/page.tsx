import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/local-time";
import { env } from "@/lib/env";
import { devOutbox } from "@/lib/mail/dev-outbox";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dev.outbox"))("title"), robots: { index: false } };
}
export const dynamic = "force-dynamic";

const LINK = /(https?:\/\/[^\s<>"]+)/g;

/** The text body with its links clickable. */
function Body({ text }: { text: string }) {
  return (
    <pre className="outbox-body" dir="auto">
      {text.split(LINK).map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

/** Development only: the outbox table's latest mail, newest first (sent or not). */
export default async function DevOutboxPage() {
  if (env.NODE_ENV !== "development") notFound();
  const [messages, t] = await Promise.all([devOutbox(), getTranslations("dev.outbox")]);
  return (
    <main id="main" className="stack">
      <h1>{t("heading")}</h1>
      <p>{env.EMAIL_SERVER ? t("serverSet") : t("serverUnset")}</p>
      {messages.length === 0 && <p>{t("empty")}</p>}
      {messages.map((message) => (
        <article key={String(message.id)} className="card stack">
          {/* The mail itself, in the language it was written in. */}
          <h2 dir="auto">{message.subject}</h2>
          <p className="muted">
            {t.rich("to", {
              to: message.to,
              address: (to) => <bdi>{to}</bdi>,
              when: () => <LocalTime iso={message.createdAt.toISOString()} />,
            })}{" "}
            · {t(`status.${message.status as "pending" | "sent" | "failed"}`)}
            {message.lastError && <bdi> ({message.lastError})</bdi>}
          </p>
          <Body text={message.text} />
        </article>
      ))}
    </main>
  );
}
