import { useMessageText } from "@/components/i18n/use-message-text";

/** The form-level error region; always present so screen readers announce new text in it. */
export function FormAlert({ message }: { message?: string | null }) {
  const text = useMessageText();
  return (
    <div role="alert" className="alert">
      {message ? text(message) : ""}
    </div>
  );
}
