"use client";

/** Disabled while the action runs, so a double click cannot submit twice. */
export function SubmitButton({ label, pending }: { label: string; pending: boolean }) {
  return (
    <button type="submit" className="primary" disabled={pending} aria-busy={pending || undefined}>
      {pending ? `${label}…` : label}
    </button>
  );
}
