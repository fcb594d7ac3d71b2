"use client";

import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";
import type { ConfiguredProvider } from "@/lib/providers/config";
import { signInWithProvider } from "./provider-actions";

function ProviderButtons({ providers }: { providers: ConfiguredProvider[] }) {
  const t = useTranslations("login");
  const { pending } = useFormStatus();
  return providers.map(({ id, name }) => (
    <button
      key={id}
      type="submit"
      name="provider"
      value={id}
      disabled={pending}
      aria-busy={pending || undefined}
    >
      {t("withProvider", { provider: name })}
    </button>
  ));
}

/**
 * One button per configured provider. `remember` is the login form's Remember me as it is
 * now; without JavaScript it stays as the page was served (unticked: a browser session).
 */
export function ProviderSignIn({
  providers,
  callbackUrl,
  remember = false,
}: {
  providers: ConfiguredProvider[];
  callbackUrl: string;
  remember?: boolean;
}) {
  if (providers.length === 0) return null;
  return (
    <form action={signInWithProvider} className="stack">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <input type="hidden" name="remember" value={String(remember)} />
      <ProviderButtons providers={providers} />
    </form>
  );
}
