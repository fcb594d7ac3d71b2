import "server-only";
import { cookies } from "next/headers";
import { deviceCookieAfterSignIn } from "@/lib/auth/device-cookie";

/** After a correct password: this browser is one the account has signed in from. */
export async function rememberDevice(cookieHeader: string | null, email: string): Promise<void> {
  const cookie = deviceCookieAfterSignIn(cookieHeader, email);
  if (!cookie) return;
  (await cookies()).set(cookie.name, cookie.value, {
    httpOnly: true,
    secure: cookie.secure,
    sameSite: "lax",
    path: "/",
    maxAge: cookie.maxAge,
  });
}
