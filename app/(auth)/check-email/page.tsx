import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/notice";
import { checkEmailAddress } from "@/lib/auth/check-email-address";
import { durationValues } from "@/lib/duration";
import { env } from "@/lib/env";
import { MAILS_PER_ADDRESS_PER_DAY } from "@/lib/mail/daily-cap";
import { ResendForm } from "./resend-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("checkEmail");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CheckEmailPage({ searchParams }: Props) {
  const { reason } = await searchParams;
  const [t, email] = await Promise.all([getTranslations("checkEmail"), checkEmailAddress()]);
  return (
    <div className="card stack">
      <h1>{t("heading")}</h1>
      <Notice>{reason === "unverified" ? t("unverified") : t("sent")}</Notice>
      {email && <p>{t.rich("sentTo", { email, bdi: (chunks) => <bdi>{chunks}</bdi> })}</p>}
      <p>{t("validFor", durationValues(env.VERIFY_EMAIL_TOKEN_TTL))}</p>
      <p className="muted">{t("dailyLimit", { count: MAILS_PER_ADDRESS_PER_DAY })}</p>
      {email && <ResendForm />}
      <p className="muted">
        {t("confirmed")} <Link href="/login">{t("signIn")}</Link>
      </p>
    </div>
  );
}
