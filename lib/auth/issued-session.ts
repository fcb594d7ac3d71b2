import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

// Auth.js writes the session cookie itself, always with the JWT's longest lifetime. Whether
// this one is remembered is decided where the session is issued (completeSignIn), which
// notes it here for the request; the code that handed the request to Auth.js then writes the
// cookie to match (lib/auth/session-cookie.ts), for every way in: the credentials POST, a
// provider's GET callback, a server action.

type Issued = { remember: boolean } | null;
const issuing = new AsyncLocalStorage<{ issued: Issued }>();

/**
 * completeSignIn: this request issued a session, remembered or for this browser session.
 * Every way into Auth.js runs inside issuingSession (its route, signInWithPassword); only a
 * direct call, as in tests, has no request to note it for.
 */
export function noteSessionIssued(remember: boolean): void {
  const store = issuing.getStore();
  if (store) store.issued = { remember };
}

/** Runs an Auth.js call and says whether, and how, it issued a session. */
export async function issuingSession<T>(run: () => Promise<T>): Promise<{ result: T; issued: Issued }> {
  const store: { issued: Issued } = { issued: null };
  const result = await issuing.run(store, run);
  return { result, issued: store.issued };
}
