"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormProvider, useWatch } from "react-hook-form";
import { FormAlert } from "@/components/forms/form-alert";
import { PasswordField } from "@/components/forms/password-field";
import { RetryWait } from "@/components/forms/retry-wait";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useServerForm } from "@/components/forms/use-server-form";
import type { ConfiguredProvider } from "@/lib/providers/config";
import { ProviderSignIn } from "../provider-sign-in";
import { login } from "./actions";
import { PasskeySignIn } from "./passkey-sign-in";

type Props = { callbackUrl: string; error: string | null; providers: ConfiguredProvider[] };

// Loaded once someone types or presses a button (components/forms/use-server-form.ts).
const loginSchema = () => import("@/lib/validations/auth").then((schemas) => schemas.loginSchema);

export function LoginForm({ callbackUrl, error, providers }: Props) {
  const t = useTranslations("login");
  const { form, state, pending, formProps } = useServerForm(loginSchema, login, {
    email: "",
    password: "",
    remember: false,
  });
  // Remember me goes with a provider sign-in too, as ticked when its button is pressed.
  const remember = useWatch({ control: form.control, name: "remember" }) === true;
  // The passkey's answer while it is the latest; a password submission clears it.
  const [passkeyMessage, setPasskeyMessage] = useState<string | null>(null);
  return (
    <FormProvider {...form}>
      <form {...formProps} onSubmitCapture={() => setPasskeyMessage(null)} className="stack">
        <FormAlert message={passkeyMessage ?? (state.status === "idle" ? error : state.message)} />
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <TextField
          name="email"
          label={t("email")}
          type="email"
          autoComplete="username webauthn"
          inputMode="email"
        />
        <PasswordField name="password" label={t("password")} autoComplete="current-password" />
        <div className="checkbox">
          <input id="remember" type="checkbox" {...form.register("remember")} />
          <label htmlFor="remember">{t("remember")}</label>
        </div>
        <RetryWait state={state}>
          <SubmitButton label={t("submit")} pending={pending} />
        </RetryWait>
      </form>
      <PasskeySignIn
        callbackUrl={callbackUrl}
        remember={() => form.getValues("remember") === true}
        onMessage={setPasskeyMessage}
      />
      <ProviderSignIn providers={providers} callbackUrl={callbackUrl} remember={remember} />
    </FormProvider>
  );
}
