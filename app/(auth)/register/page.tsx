import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { clientPasswordPolicy } from "@/lib/auth/password-policy";
import { safeCallbackUrl } from "@/lib/callback-url";
import { getCurrentUser } from "@/lib/dal";
import { configuredProviders } from "@/lib/providers/config";
import { ProviderSignIn } from "../provider-sign-in";
import { RegisterForm } from "./register-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("register");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RegisterPage({ searchParams }: Props) {
  if (await getCurrentUser()) redirect("/dashboard");
  const params = await searchParams;
  const t = await getTranslations("register");
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const loginHref = params.callbackUrl ? `/login?${new URLSearchParams({ callbackUrl })}` : "/login";
  return (
    <div className="card stack">
      <h1>{t("heading")}</h1>
      <RegisterForm callbackUrl={callbackUrl} policy={clientPasswordPolicy()} />
      <ProviderSignIn providers={configuredProviders()} callbackUrl={callbackUrl} />
      <p className="muted">
        {t("haveAccount")} <Link href={loginHref}>{t("signIn")}</Link>
      </p>
    </div>
  );
}
