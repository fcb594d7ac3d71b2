import type { Metadata } from "next";
import Link from "next/link";
import { INVALID_RESET_LINK } from "@/lib/auth/link-messages";
import { linkToken } from "@/lib/auth/link-token";
import { clientPasswordPolicy } from "@/lib/auth/password-policy";
import { isResetTokenUsable } from "@/lib/auth/password-reset";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Reset password" };

export default async function ResetPasswordPage() {
  const secret = await linkToken(); // lib/auth/link-token.ts: the link's token, out of the URL
  // Only looks the token up; it is used up by the form's POST, never by this GET.
  const usable = await isResetTokenUsable(secret);
  return (
    <div className="card stack">
      <h1>Choose a new password</h1>
      {usable ? (
        <>
          <p>Choosing a new password signs you out everywhere, this browser included.</p>
          <ResetPasswordForm token={secret} policy={clientPasswordPolicy()} />
        </>
      ) : (
        <>
          <p role="alert" className="alert">
            {INVALID_RESET_LINK}
          </p>
          <p>
            <Link href="/forgot-password">Ask for a new link</Link>
          </p>
        </>
      )}
    </div>
  );
}
