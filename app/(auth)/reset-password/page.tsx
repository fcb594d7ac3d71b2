import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { INVALID_RESET_LINK } from "@/lib/auth/link-messages";
import { linkToken } from "@/lib/auth/link-token";
import { clientPasswordPolicy } from "@/lib/auth/password-policy";
import { isResetTokenUsable } from "@/lib/auth/password-reset";
import { getMessageText } from "@/lib/i18n/server";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resetPassword");
  return { title: t("title") };
}

export default async function ResetPasswordPage() {
  const secret = await linkToken(); // lib/auth/link-token.ts: the link's token, out of the URL
  // Only looks the token up; it is used up by the form's POST, never by this GET.
  const usable = await isResetTokenUsable(secret);
  const [t, text] = await Promise.all([getTranslations("resetPassword"), getMessageText()]);
  return (
    <div className="card stack">
      <h1>{t("heading")}</h1>
      {usable ? (
        <>
          <p>{t("intro")}</p>
          <ResetPasswordForm token={secret} policy={clientPasswordPolicy()} />
        </>
      ) : (
        <>
          <p role="alert" className="alert">
            {text(INVALID_RESET_LINK)}
          </p>
          <p>
            <Link href="/forgot-password">{t("askNewLink")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
