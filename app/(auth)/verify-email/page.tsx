import type { Metadata } from "next";
import Link from "next/link";
import { linkToken } from "@/lib/auth/link-token";
import { ConfirmEmailForm } from "./confirm-email-form";

export const metadata: Metadata = { title: "Confirm email address" };

// Opening the link changes nothing: a mail client's link scanner may fetch it. The button posts.
export default async function VerifyEmailPage() {
  const token = await linkToken(); // lib/auth/link-token.ts: the link's token, out of the URL
  return (
    <div className="card stack">
      <h1>Confirm your email address</h1>
      {token ? (
        <>
          <p>Press the button to confirm this email address for your Latchkey account.</p>
          <ConfirmEmailForm token={token} />
        </>
      ) : (
        <p role="alert" className="alert">
          This link is incomplete. Please open the link from the email again.
        </p>
      )}
      <p className="muted">
        <Link href="/login">Sign in</Link>
      </p>
    </div>
  );
}
