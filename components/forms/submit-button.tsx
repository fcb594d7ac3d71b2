"use client";

import { useEffect, useRef } from "react";
import { focusIfLost } from "@/components/forms/focus-after-answer";

/**
 * Disabled while the action runs, so a double click cannot submit twice. Disabling it takes
 * focus away, so once the action answers focus comes back to the form's message or here.
 */
export function SubmitButton({ label, pending }: { label: string; pending: boolean }) {
  const button = useRef<HTMLButtonElement>(null);
  const wasPending = useRef(false);

  useEffect(() => {
    const answered = wasPending.current && !pending;
    wasPending.current = pending;
    const element = button.current;
    if (answered && element?.form) focusIfLost(element.form, element);
  }, [pending]);

  return (
    <button
      ref={button}
      type="submit"
      className="primary"
      disabled={pending}
      aria-busy={pending || undefined}
    >
      {pending ? `${label}…` : label}
    </button>
  );
}
