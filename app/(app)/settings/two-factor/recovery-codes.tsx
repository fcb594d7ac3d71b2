"use client";

import { useState } from "react";

/** New recovery codes, shown once: to copy, download as a .txt file, or write down. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const text = `Latchkey recovery codes\nEach code works once.\n\n${codes.join("\n")}\n`;
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div className="stack recovery-codes">
      <p>
        Each code signs you in once if you lose your authenticator app. Keep them somewhere safe, such as a
        password manager: this is the only time they are shown.
      </p>
      <ul aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={copy}>
          Copy codes
        </button>
        <a
          className="button"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}
          download="latchkey-recovery-codes.txt"
        >
          Download as .txt
        </a>
      </div>
      <p role="status" className="muted">
        {copied === true
          ? "Copied to the clipboard."
          : copied === false
            ? "Could not copy: select the codes instead."
            : ""}
      </p>
    </div>
  );
}
