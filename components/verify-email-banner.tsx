import { ResendVerificationForm } from "@/components/resend-verification-form";
import { getCurrentUser } from "@/lib/dal";

/** Shown on signed-in pages while the account's email address is unconfirmed. */
export async function VerifyEmailBanner() {
  const user = await getCurrentUser();
  if (!user || user.emailVerified) return null;
  return (
    <section className="card stack" aria-label="Email confirmation">
      <p>
        Please confirm your email address, <strong>{user.email}</strong>: open the link we emailed you.
      </p>
      <ResendVerificationForm />
    </section>
  );
}
