import "server-only";
import { cookies } from "next/headers";
import { deviceCookieAfterSignIn, type DeviceAccount } from "@/lib/auth/device-cookie";

/** After a correct password: this browser is one the account has signed in from. */
export async function rememberDevice(cookieHeader: string | null, account: DeviceAccount): Promise<void> {
  const cookie = deviceCookieAfterSignIn(cookieHeader, account);
  if (!cookie) return;
  (await cookies()).set(cookie.name, cookie.value, {
    httpOnly: true,
    secure: cookie.secure,
    sameSite: "lax",
    path: "/",
    maxAge: cookie.maxAge,
  });
}
