import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { linkToken } from "@/lib/auth/link-token";
import { ConfirmEmailForm } from "./confirm-email-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verifyEmail");
  return { title: t("title") };
}

// Opening the link changes nothing: a mail client's link scanner may fetch it. The button posts.
export default async function VerifyEmailPage() {
  const token = await linkToken(); // lib/auth/link-token.ts: the link's token, out of the URL
  const t = await getTranslations("verifyEmail");
  return (
    <div className="card stack">
      <h1>{t("heading")}</h1>
      {token ? (
        <>
          <p>{t("intro")}</p>
          <ConfirmEmailForm token={token} />
        </>
      ) : (
        <p role="alert" className="alert">
          {t("incomplete")}
        </p>
      )}
      <p className="muted">
        <Link href="/login">{t("signIn")}</Link>
      </p>
    </div>
  );
}
