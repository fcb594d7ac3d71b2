import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forgotPassword");
  return { title: t("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("forgotPassword");
  return (
    <div className="card stack">
      <h1>{t("heading")}</h1>
      <p>{t("intro")}</p>
      <ForgotPasswordForm />
      <p className="muted">
        {t("remembered")} <Link href="/login">{t("signIn")}</Link>
      </p>
    </div>
  );
}
