import { signInAgainAction } from "../actions/connected-accounts";

/**
 * For a passwordless account whose session is not fresh: "Sign in again with <Provider>" for
 * each provider it has, coming back to `returnTo` (a passkey works too, after signing out).
 */
export function SignInAgain({
  providers,
  returnTo,
  hint,
}: {
  providers: { id: string; name: string }[];
  returnTo: string;
  hint: string;
}) {
  return (
    <div className="stack">
      <p className="muted">{hint}</p>
      {providers.length > 0 && (
        <form action={signInAgainAction} className="actions">
          <input type="hidden" name="returnTo" value={returnTo} />
          {providers.map((provider) => (
            <button key={provider.id} type="submit" name="provider" value={provider.id}>
              Sign in again with {provider.name}
            </button>
          ))}
        </form>
      )}
    </div>
  );
}
