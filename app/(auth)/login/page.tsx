import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/notice";
import { signInFailureMessage } from "@/lib/auth/messages";
import { failureFromCode } from "@/lib/auth/sign-in-errors";
import { safeCallbackUrl } from "@/lib/callback-url";
import { getCurrentUser } from "@/lib/dal";
import { message } from "@/lib/i18n/message";
import { getMessageText } from "@/lib/i18n/server";
import { noticeText } from "@/lib/notices";
import { configuredProviders, providerName } from "@/lib/providers/config";
import { PROVIDER_SIGN_IN_ERROR, providerSignInMessage } from "@/lib/providers/messages";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  if (await getCurrentUser()) redirect("/dashboard");
  const params = await searchParams;
  // Auth.js's own endpoint, after a right password on a two-factor account (lib/auth/sign-in-status.ts
  // sends it straight on; this is for a client that followed Auth.js's redirect itself).
  if (params.error === "CredentialsSignin" && params.code === "two-factor") redirect("/login/two-factor");
  const [t, text] = await Promise.all([getTranslations("login"), getMessageText()]);
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const notice = noticeText(params.notice) ?? (params.callbackUrl ? noticeText("sign-in-required") : null);
  // Auth.js's own endpoint sends its failures here with ?error=…&code=….
  // A provider's callback sends its refusals with ?error=ProviderSignIn&code=…&provider=….
  const error = !params.error
    ? null
    : params.error === "CredentialsSignin"
      ? signInFailureMessage(failureFromCode(String(params.code ?? "")))
      : params.error === PROVIDER_SIGN_IN_ERROR
        ? providerSignInMessage(String(params.code ?? ""), providerName(String(params.provider ?? "")))
        : message("signIn.failed");
  const registerHref = params.callbackUrl ? `/register?${new URLSearchParams({ callbackUrl })}` : "/register";
  return (
    <div className="card stack">
      <h1>{t("heading")}</h1>
      {notice && <Notice>{text(notice)}</Notice>}
      <LoginForm callbackUrl={callbackUrl} error={error} providers={configuredProviders()} />
      <p>
        <Link href="/forgot-password">{t("forgotPassword")}</Link>
      </p>
      <p className="muted">
        {t("newHere")} <Link href={registerHref}>{t("createAccount")}</Link>
      </p>
    </div>
  );
}
