import Link from "next/link";
import { useTranslations } from "next-intl";

export type UnavailableWords = { heading: string; body: string; reason: string; retry: string };

/** What a page shows while the database cannot serve it; `reason` is one of lib/db/availability.mjs's. */
export function UnavailableNotice({ reason }: { reason?: string }) {
  const t = useTranslations("unavailable");
  const words = { heading: t("heading"), body: t("body"), reason: t("reason"), retry: t("retry") };
  return <UnavailableNoticeView words={words} reason={reason} />;
}

/** The same with its words given (app/global-error.tsx, which has no catalogue). */
export function UnavailableNoticeView({ words, reason }: { words: UnavailableWords; reason?: string }) {
  return (
    <div className="card stack" role="alert" aria-labelledby="unavailable-heading">
      <h1 id="unavailable-heading">{words.heading}</h1>
      <p>{words.body}</p>
      {reason && (
        <p className="muted">
          {words.reason} <code dir="ltr">{reason}</code>
        </p>
      )}
      <div className="actions">
        <Link className="button primary" href="/">
          {words.retry}
        </Link>
      </div>
    </div>
  );
}
