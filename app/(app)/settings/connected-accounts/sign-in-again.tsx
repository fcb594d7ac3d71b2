import { getTranslations } from "next-intl/server";
import { getMessageText } from "@/lib/i18n/server";
import { signInAgainAction } from "../actions/connected-accounts";

/**
 * For a passwordless account whose session is not fresh: "Sign in again with <Provider>" for
 * each provider it has, coming back to `returnTo` (a passkey works too, after signing out).
 */
export async function SignInAgain({
  providers,
  returnTo,
  hint,
}: {
  providers: { id: string; name: string }[];
  returnTo: string;
  /** A message (lib/i18n/message.ts). */
  hint: string;
}) {
  const [t, text] = await Promise.all([getTranslations("settings.connectedAccounts"), getMessageText()]);
  return (
    <div className="stack">
      <p className="muted">{text(hint)}</p>
      {providers.length > 0 && (
        <form action={signInAgainAction} className="actions">
          <input type="hidden" name="returnTo" value={returnTo} />
          {providers.map((provider) => (
            <button key={provider.id} type="submit" name="provider" value={provider.id}>
              {t("signInAgainWith", { provider: provider.name })}
            </button>
          ))}
        </form>
      )}
    </div>
  );
}
