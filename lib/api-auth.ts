import "server-only";
import { authenticateBearer, bearerToken } from "@/lib/access-tokens/bearer";
import { getCurrentUser } from "@/lib/dal";
import { isDatabaseUnavailable, markDatabaseDown } from "@/lib/db/availability.mjs";
import type { PublicUser } from "@/lib/users";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * Who calls an API route: the holder of a personal access token (`Authorization: Bearer`,
 * no cookie, so no CSRF to fear: a browser never sends it by itself), or else the signed-in
 * browser. Refusals are JSON: 401 with WWW-Authenticate (RFC 6750), 429 with Retry-After, 503
 * while the database cannot tell.
 */
export async function apiCaller(request: Request): Promise<{ user: PublicUser } | { response: Response }> {
  try {
    return await identifyCaller(request);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    markDatabaseDown();
    // Not 401: an outage must not look like being signed out (and no cookie is touched).
    const headers = { ...NO_STORE, "Retry-After": "5" };
    return { response: Response.json({ error: "temporarily_unavailable" }, { status: 503, headers }) };
  }
}

async function identifyCaller(request: Request): Promise<{ user: PublicUser } | { response: Response }> {
  const token = bearerToken(request.headers);
  if (token === null) {
    const user = await getCurrentUser();
    if (user) return { user };
    const headers = { ...NO_STORE, "WWW-Authenticate": 'Bearer realm="Latchkey"' };
    return { response: Response.json({ error: "unauthenticated" }, { status: 401, headers }) };
  }
  const answer = await authenticateBearer(request.headers, token);
  if ("user" in answer) return answer;
  if (answer.refused === "throttled") {
    const headers = { ...NO_STORE, "Retry-After": String(answer.retryAfter) };
    return { response: Response.json({ error: "too_many_requests" }, { status: 429, headers }) };
  }
  const headers = { ...NO_STORE, "WWW-Authenticate": 'Bearer realm="Latchkey", error="invalid_token"' };
  return { response: Response.json({ error: "invalid_token" }, { status: 401, headers }) };
}
