import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/notice";
import { durationInWords } from "@/lib/duration";
import { env } from "@/lib/env";
import { MAILS_PER_ADDRESS_PER_DAY } from "@/lib/mail/daily-cap";

export const metadata: Metadata = { title: "Check your inbox" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CheckEmailPage({ searchParams }: Props) {
  const { reason } = await searchParams;
  return (
    <div className="card stack">
      <h1>Check your inbox</h1>
      <Notice>
        {reason === "unverified"
          ? "Please confirm your email address before signing in: we have emailed you a link (a new one at most once a minute)."
          : "We have sent you a link to confirm your email address. Open it to finish creating your account."}
      </Notice>
      <p>
        The link works for {durationInWords(env.VERIFY_EMAIL_TOKEN_TTL)}. If nothing arrives within a few
        minutes, check your spam folder.
      </p>
      <p className="muted">
        To protect inboxes, we send at most {MAILS_PER_ADDRESS_PER_DAY} confirmation emails a day to one
        address: if you have asked several times, use the latest email.
      </p>
      <p className="muted">
        Confirmed it already? <Link href="/login">Sign in</Link>
      </p>
    </div>
  );
}
