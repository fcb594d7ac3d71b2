"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/** New recovery codes, shown once: to copy, download as a .txt file, or write down. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const t = useTranslations("settings");
  const text = `${t("twoFactor.fileHeading")}\n${t("twoFactor.fileNote")}\n\n${codes.join("\n")}\n`;
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div className="stack recovery-codes">
      <p>{t("twoFactor.recoveryIntro")}</p>
      <ul aria-label={t("twoFactor.recoveryCodes")}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={copy}>
          {t("twoFactor.copyCodes")}
        </button>
        <a
          className="button"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download="latchkey-recovery-codes.txt"
        >
          {t("twoFactor.download")}
        </a>
      </div>
      <p role="status" className="muted">
        {copied === true ? t("copied") : copied === false ? t("twoFactor.copyFailed") : ""}
      </p>
    </div>
  );
}
