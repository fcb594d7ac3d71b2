"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState, type ReactNode } from "react";
import type { FormState } from "@/lib/action-state";
import { waitValues } from "@/lib/auth/messages";

/**
 * The form's submit button, disabled while a refusal for too many attempts lasts, with the
 * time left beside it: the form re-enables itself once the server's Retry-After has passed.
 */
export function RetryWait({ state, children }: { state: FormState; children: ReactNode }) {
  const t = useTranslations("throttle");
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (!state.retryAfter) return;
    const until = Date.now() + state.retryAfter * 1000;
    const tick = () => {
      const seconds = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setLeft(seconds);
      if (seconds === 0) clearInterval(timer);
    };
    const timer = setInterval(tick, 1000);
    const first = setTimeout(tick, 0);
    return () => {
      clearInterval(timer);
      clearTimeout(first);
    };
  }, [state]);
  return (
    <>
      <fieldset className="retry-wait" disabled={left > 0}>
        {children}
      </fieldset>
      {left > 0 && (
        <p role="timer" className="field-hint">
          {t("retryIn", waitValues(left))}
        </p>
      )}
    </>
  );
}
