import { getTranslations } from "next-intl/server";
import { ResendVerificationForm } from "@/components/resend-verification-form";
import { getCurrentUser } from "@/lib/dal";

/** Shown on signed-in pages while the account's email address is unconfirmed. */
export async function VerifyEmailBanner() {
  const user = await getCurrentUser();
  if (!user || user.emailVerified) return null;
  const t = await getTranslations("emailBanner");
  return (
    <section className="card stack" aria-label={t("label")}>
      <p>
        {t.rich("text", {
          email: user.email,
          strong: (chunks) => <strong>{chunks}</strong>,
          bdi: (chunks) => <bdi>{chunks}</bdi>,
        })}
      </p>
      <ResendVerificationForm />
    </section>
  );
}
