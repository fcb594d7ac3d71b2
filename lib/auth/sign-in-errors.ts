import { AuthError, CredentialsSignin } from "next-auth";

// Ways a sign-in ends other than wrong credentials. authorize() throws them; Auth.js
// passes them unchanged to a server action's signIn(), and to its own endpoint's
// redirect as `?error=CredentialsSignin&code=<code>`, which is why the code carries the
// wait in seconds.

export class EmailNotVerifiedError extends CredentialsSignin {
  override code = "unverified";
}

export class SignInThrottledError extends CredentialsSignin {
  constructor(readonly retryAfter: number) {
    super();
    this.code = `throttled:${retryAfter}`;
  }
}

export class HashingBusyError extends CredentialsSignin {
  constructor(readonly retryAfter = 1) {
    super();
    this.code = `busy:${retryAfter}`;
  }
}

/** The password was right; the account asks for its second factor next (/login/two-factor). */
export class TwoFactorRequiredError extends CredentialsSignin {
  override code = "two-factor";
}

/** The second step found no pending sign-in: unknown, used, expired, or voided by a change. */
export class SignInExpiredError extends CredentialsSignin {
  override code = "expired";
}

export type SignInFailure = {
  /** "invalid": wrong credentials, or a wrong code or passkey on the second step. */
  reason: "invalid" | "unverified" | "throttled" | "busy" | "two-factor" | "expired";
  /** Seconds to wait, for "throttled" and "busy". */
  retryAfter?: number;
};

/** Reads a failure from a sign-in error code (`credentials`, `unverified`, `throttled:30`…). */
export function failureFromCode(code: string | null | undefined): SignInFailure {
  const [reason, seconds] = (code ?? "").split(":");
  const retryAfter = Math.max(1, Number.parseInt(seconds ?? "", 10) || 1);
  if (reason === "unverified" || reason === "two-factor" || reason === "expired") return { reason };
  if (reason === "throttled" || reason === "busy") return { reason, retryAfter };
  return { reason: "invalid" };
}

/** The failure an error thrown by signIn() stands for, or null when it is not a sign-in failure. */
export function signInFailure(error: unknown): SignInFailure | null {
  if (!(error instanceof AuthError) || error.type !== "CredentialsSignin") return null;
  return failureFromCode((error as CredentialsSignin).code);
}
