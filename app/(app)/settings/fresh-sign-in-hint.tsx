import { useMessageText } from "@/components/i18n/use-message-text";
import { NO_PASSWORD_HINT } from "@/lib/account/fresh-sign-in";

/** In place of `Current password` for an account that has none: which proof counts instead. */
export function FreshSignInHint() {
  const text = useMessageText();
  return <p className="muted">{text(NO_PASSWORD_HINT)}</p>;
}
