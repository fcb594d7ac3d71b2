import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { peekPendingSignIn } from "@/lib/auth/pending-sign-in";
import { pendingSignInSecret } from "@/lib/auth/pending-sign-in-cookie";
import { getCurrentUser } from "@/lib/dal";
import { TwoFactorForm } from "./two-factor-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("twoFactorSignIn");
  return { title: t("title") };
}

/** The second step, for a browser that has just proven the password of a two-factor account. */
export default async function TwoFactorPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  const secret = await pendingSignInSecret();
  if (!secret || !(await peekPendingSignIn(secret))) redirect("/login?notice=sign-in-expired");
  const t = await getTranslations("twoFactorSignIn");
  return (
    <div className="card stack">
      <h1>{t("heading")}</h1>
      <p>{t("intro")}</p>
      <TwoFactorForm />
      <p className="muted">{t.rich("lost", { link: (chunks) => <Link href="/login">{chunks}</Link> })}</p>
    </div>
  );
}
