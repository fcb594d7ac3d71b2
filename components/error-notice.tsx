"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";

/** The error page's words: from the catalogue, or (app/global-error.tsx) from its own pair. */
export type ErrorWords = {
  heading: string;
  body: string;
  /** Before the reference. */
  reference: string;
  retry: string;
  home: string;
};

type Props = { digest?: string; retry: () => void };

/**
 * What every unexpected error shows: no message, no stack trace, only a reference that the
 * server log prints beside the error (instrumentation.ts, onRequestError), and a retry.
 */
export function ErrorNotice(props: Props) {
  const t = useTranslations("errorPages.error");
  const words = {
    heading: t("heading"),
    body: t("body"),
    reference: t("reference"),
    retry: t("retry"),
    home: t("home"),
  };
  return <ErrorNoticeView {...props} words={words} />;
}

export function ErrorNoticeView({ digest, retry, words }: Props & { words: ErrorWords }) {
  return (
    <div className="card stack" role="alert" aria-labelledby="error-heading">
      <h1 id="error-heading">{words.heading}</h1>
      <p>{words.body}</p>
      {digest && (
        <p className="muted">
          {words.reference} <code dir="ltr">{digest}</code>
        </p>
      )}
      <div className="actions">
        <button type="button" className="button primary" onClick={retry}>
          {words.retry}
        </button>
        <Link className="button" href="/">
          {words.home}
        </Link>
      </div>
    </div>
  );
}
