import { NO_PASSWORD_HINT } from "@/lib/account/fresh-sign-in";

/** In place of `Current password` for an account that has none: which proof counts instead. */
export function FreshSignInHint() {
  return <p className="muted">{NO_PASSWORD_HINT}</p>;
}
