import { useMessageText } from "@/components/i18n/use-message-text";

/** The form-level success region; always present so screen readers announce new text in it. */
export function FormStatus({ message }: { message?: string | null }) {
  const text = useMessageText();
  return (
    <div role="status" className="notice">
      {message ? text(message) : ""}
    </div>
  );
}
