import { signInFailureMessage } from "@/lib/auth/messages";
import { failureFromCode, type SignInFailure } from "@/lib/auth/sign-in-errors";

// Auth.js answers every failed POST /api/auth/callback/credentials the same way: a redirect
// (or, with X-Auth-Return-Redirect, JSON `{ url }`) to /login?error=CredentialsSignin&code=….
// A client that is told to slow down deserves a status it can act on instead.
const STATUS: Partial<Record<SignInFailure["reason"], number>> = { throttled: 429, busy: 503 };

async function failureUrl(response: Response): Promise<URL | null> {
  const location = response.headers.get("location");
  if (location) return new URL(location, "http://localhost");
  if (!response.headers.get("content-type")?.includes("application/json")) return null;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  const url = body && typeof body === "object" && "url" in body ? body.url : null;
  return typeof url === "string" ? new URL(url, "http://localhost") : null;
}

/**
 * A right password on a two-factor account: on to the second step, the same way Auth.js
 * answered (a redirect, or JSON `{ url }`), with the pending sign-in's cookie it set.
 */
function toSecondStep(response: Response, secondStep: URL): Response {
  if (response.headers.get("location")) {
    const headers = new Headers(response.headers);
    headers.set("location", secondStep.href);
    return new Response(null, { status: response.status, headers });
  }
  const headers = new Headers({ "cache-control": "no-store" });
  for (const cookie of response.headers.getSetCookie()) headers.append("set-cookie", cookie);
  return Response.json({ url: secondStep.href }, { headers });
}

/**
 * The one mapping from Auth.js's credentials-callback answer to an HTTP status: a
 * throttled sign-in becomes 429 and a busy hashing pool 503, both with Retry-After and
 * a JSON body; a right password that needs a second factor goes to /login/two-factor; any
 * other answer is returned unchanged.
 */
export async function withSignInStatus(response: Response): Promise<Response> {
  const url = await failureUrl(response);
  if (url?.searchParams.get("error") !== "CredentialsSignin") return response;
  const failure = failureFromCode(url.searchParams.get("code"));
  if (failure.reason === "two-factor") return toSecondStep(response, new URL("/login/two-factor", url));
  const status = STATUS[failure.reason];
  if (!status) return response;
  const retryAfter = failure.retryAfter ?? 1;
  const headers = new Headers({ "retry-after": String(retryAfter), "cache-control": "no-store" });
  for (const cookie of response.headers.getSetCookie()) headers.append("set-cookie", cookie);
  return Response.json(
    { error: failure.reason, message: await inWords(signInFailureMessage(failure)), retryAfter },
    { status, headers },
  );
}

/** A message in the request's language; its key where no request config is loaded (unit tests). */
async function inWords(text: string): Promise<string> {
  try {
    const { getMessageText } = await import("@/lib/i18n/server");
    return (await getMessageText())(text);
  } catch {
    return text;
  }
}
