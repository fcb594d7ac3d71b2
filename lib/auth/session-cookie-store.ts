import "server-only";
import { cookies } from "next/headers";
import { isSessionCookie } from "@/lib/auth/session-cookie";

/**
 * After signIn() in a server action ("Remember me" off): rewrite the session cookie it
 * just set as a browser-session cookie, without Expires or Max-Age.
 */
export async function makeSessionCookieEphemeral(): Promise<void> {
  const jar = await cookies();
  for (const { name, value } of jar.getAll()) {
    if (!isSessionCookie(`${name}=`) || !value) continue;
    jar.set(name, value, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: name.startsWith("__Secure-"),
    });
  }
}
