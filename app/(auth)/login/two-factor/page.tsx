import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { peekPendingSignIn } from "@/lib/auth/pending-sign-in";
import { pendingSignInSecret } from "@/lib/auth/pending-sign-in-cookie";
import { getCurrentUser } from "@/lib/dal";
import { TwoFactorForm } from "./two-factor-form";

export const metadata: Metadata = { title: "Two-factor authentication" };

/** The second step, for a browser that has just proven the password of a two-factor account. */
export default async function TwoFactorPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  const secret = await pendingSignInSecret();
  if (!secret || !(await peekPendingSignIn(secret))) redirect("/login?notice=sign-in-expired");
  return (
    <div className="card stack">
      <h1>Two-factor authentication</h1>
      <p>Open your authenticator app and enter the code it shows for Latchkey.</p>
      <TwoFactorForm />
      <p className="muted">
        Lost your app and your recovery codes? <Link href="/login">Start again</Link>, or ask your
        administrator to reset two-factor authentication for your account.
      </p>
    </div>
  );
}
