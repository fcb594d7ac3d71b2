import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailForm } from "./confirm-email-form";

export const metadata: Metadata = { title: "Confirm email address", referrer: "no-referrer" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Opening the link changes nothing: a mail client's link scanner may fetch it. The button posts.
export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <div className="card stack">
      <h1>Confirm your email address</h1>
      {typeof token === "string" && token ? (
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
