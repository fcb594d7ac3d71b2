/** The form-level error region; always present so screen readers announce new text in it. */
export function FormAlert({ message }: { message?: string | null }) {
  return (
    <div role="alert" className="alert">
      {message ?? ""}
    </div>
  );
}
