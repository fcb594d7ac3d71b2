import "server-only";
import { cookies } from "next/headers";
import { prefixedCookieName, secureCookies } from "@/lib/cookies";
import { MAX_EMAIL_LENGTH } from "@/lib/validations/fields";

// The address /check-email names and resends to: set where the form that led there knew it
// (registration, a sign-in before confirmation). Scoped to that page, kept an hour.
const PATH = "/check-email";
const HOUR_SECONDS = 60 * 60;
const cookieName = () => prefixedCookieName("latchkey-check-email", "__Secure-");

export async function rememberCheckEmailAddress(email: string): Promise<void> {
  (await cookies()).set(cookieName(), email, {
    httpOnly: true,
    secure: secureCookies(),
    sameSite: "lax",
    path: PATH,
    maxAge: HOUR_SECONDS,
  });
}

/** The address, as the form normalised it, or null. */
export async function checkEmailAddress(): Promise<string | null> {
  const value = (await cookies()).get(cookieName())?.value;
  return value && value.length <= MAX_EMAIL_LENGTH && value.includes("@") ? value : null;
}
