import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { clientPasswordPolicy } from "@/lib/auth/password-policy";
import { safeCallbackUrl } from "@/lib/callback-url";
import { getCurrentUser } from "@/lib/dal";
import { configuredProviders } from "@/lib/providers/config";
import { ProviderSignIn } from "../provider-sign-in";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "Create account" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RegisterPage({ searchParams }: Props) {
  if (await getCurrentUser()) redirect("/dashboard");
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  const loginHref = params.callbackUrl ? `/login?${new URLSearchParams({ callbackUrl })}` : "/login";
  return (
    <div className="card stack">
      <h1>Create your account</h1>
      <RegisterForm callbackUrl={callbackUrl} policy={clientPasswordPolicy()} />
      <ProviderSignIn providers={configuredProviders()} callbackUrl={callbackUrl} />
      <p className="muted">
        Already have an account? <Link href={loginHref}>Sign in</Link>
      </p>
    </div>
  );
}
