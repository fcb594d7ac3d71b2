"use server";

import { signOut } from "@/auth";

/** Revokes the session row (auth.ts events.signOut), clears the cookie, then /login. */
export async function signOutAction() {
  await signOut({ redirectTo: "/login?notice=signed-out" });
}
