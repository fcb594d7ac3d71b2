import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { devOutbox } from "@/lib/mail/dev-outbox";

export const metadata: Metadata = { title: "Dev outbox", robots: { index: false } };
export const dynamic = "force-dynamic";

const LINK = /(https?:\/\/[^\s<>"]+)/g;

/** The text body with its links clickable. */
function Body({ text }: { text: string }) {
  return (
    <pre className="outbox-body">
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
  const messages = await devOutbox();
  return (
    <main id="main" className="stack">
      <h1>Dev outbox</h1>
      <p>
        {env.EMAIL_SERVER
          ? "EMAIL_SERVER is set, so mail goes to that server; sent mail is listed here without its body."
          : "EMAIL_SERVER is unset: mail is kept here (and printed to the console) instead of being sent."}
      </p>
      {messages.length === 0 && <p>No messages yet.</p>}
      {messages.map((message) => (
        <article key={String(message.id)} className="card stack">
          <h2>{message.subject}</h2>
          <p className="muted">
            To {message.to} ·{" "}
            <time dateTime={message.createdAt.toISOString()}>{message.createdAt.toISOString()}</time> ·{" "}
            {message.status}
            {message.lastError && ` (${message.lastError})`}
          </p>
          <Body text={message.text} />
        </article>
      ))}
    </main>
  );
}
