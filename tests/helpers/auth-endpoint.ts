// Auth.js's own endpoints called as a browser would: a CSRF token and its cookie first.
import { NextRequest } from "next/server";
import { GET, POST } from "@/app/api/auth/[...nextauth]/route";

export const ORIGIN = "http://localhost:3000";

/** POSTs `fields` to /api/auth/callback/<provider> with a fresh CSRF token and its cookie. */
export async function postCallback(
  fields: Record<string, string>,
  provider = "credentials",
): Promise<Response> {
  const csrf = await GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((setCookie) => setCookie.split(";")[0])
    .join("; ");
  return POST(
    new NextRequest(`${ORIGIN}/api/auth/callback/${provider}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/", ...fields }),
    }),
  );
}
