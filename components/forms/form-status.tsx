/** The form-level success region; always present so screen readers announce new text in it. */
export function FormStatus({ message }: { message?: string | null }) {
  return (
    <div role="status" className="notice">
      {message ?? ""}
    </div>
  );
}
