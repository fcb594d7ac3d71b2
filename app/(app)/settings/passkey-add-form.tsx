"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { browserSupportsWebAuthn, startRegistration, WebAuthnError } from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { useMemo, useState, useSyncExternalStore } from "react";
import { FormProvider, useForm } from "react-hook-form";
import type * as z from "zod/mini";
import { AuthenticationCodeField } from "@/components/forms/authentication-code-field";
import { FormMessages } from "@/components/forms/form-messages";
import { useMessageText } from "@/components/i18n/use-message-text";
import { PasswordField } from "@/components/forms/password-field";
import { TextField } from "@/components/forms/text-field";
import { serverErrors } from "@/components/forms/use-server-form";
import { idleState, type FormState } from "@/lib/action-state";
import { message } from "@/lib/i18n/message";
import type { AddPasskeyProof } from "@/lib/passkeys/proof";
import { addPasskeySchemaFor, type AddPasskeyInput } from "@/lib/validations/passkeys";
import { beginAddingPasskey, finishAddingPasskey } from "./actions/passkeys";

type Output = z.output<ReturnType<typeof addPasskeySchemaFor>>;

const noSubscription = () => () => {};
const failed = (message: string): FormState => ({ status: "error", message });

/** Why the browser made no passkey, in words; nothing was changed in any case. */
function ceremonyFailure(error: unknown): FormState {
  if (error instanceof WebAuthnError && error.code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") {
    return failed(message("settings.passkeys.alreadyOnDevice"));
  }
  return failed(message("settings.passkeys.cancelled"));
}

/** What the server asked for after all: the sign-in aged, or an app was switched on meanwhile. */
function askedFor(answer: FormState, asked: AddPasskeyProof): AddPasskeyProof {
  if (answer.fieldErrors?.code) return "password-and-code";
  if (answer.fieldErrors?.currentPassword && asked !== "password-and-code") return "password";
  return asked;
}

const needsPassword = (proof: AddPasskeyProof) => proof === "password" || proof === "password-and-code";

/**
 * Adds a passkey in two steps: the server checks the proof and answers with options, the
 * browser makes the passkey, the server verifies and saves it. Needs JavaScript and WebAuthn.
 */
export function PasskeyAddForm({
  suggestedName,
  proof,
  hint,
}: {
  suggestedName: string;
  proof: AddPasskeyProof;
  /** Why this proof is asked for (lib/passkeys/proof.ts), shown while it is the one asked. */
  hint: string | null;
}) {
  const t = useTranslations("settings");
  const text = useMessageText();
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [state, setState] = useState<FormState>(idleState);
  const [pending, setPending] = useState(false);
  const [asked, setAsked] = useState(proof);
  const schema = useMemo(() => addPasskeySchemaFor(asked), [asked]);
  const errors = useMemo(() => serverErrors<AddPasskeyInput>(state), [state]);
  const defaultValues = { name: suggestedName, currentPassword: "", code: "" };
  const form = useForm<AddPasskeyInput, unknown, Output>({
    resolver: zodResolver(schema),
    defaultValues,
    errors,
    mode: "onTouched",
  });

  async function add({ name, currentPassword, code }: Output): Promise<FormState> {
    const begin = new FormData();
    begin.set("name", name);
    if (needsPassword(asked)) begin.set("currentPassword", currentPassword ?? "");
    if (asked === "password-and-code") begin.set("code", code ?? "");
    const begun = await beginAddingPasskey(begin);
    if (begun.status !== "ready") {
      setAsked(askedFor(begun, asked));
      return begun;
    }
    // Checked (and a code used up): neither lingers in its field.
    form.resetField("currentPassword");
    form.resetField("code");
    let response;
    try {
      response = await startRegistration({ optionsJSON: begun.optionsJSON });
    } catch (error) {
      return ceremonyFailure(error);
    }
    const finish = new FormData();
    finish.set("name", name);
    finish.set("response", JSON.stringify(response));
    return finishAddingPasskey(finish);
  }

  const onSubmit = form.handleSubmit(async (values) => {
    setPending(true);
    setState(idleState);
    const answer = await add(values).catch(() => failed(message("settings.passkeys.failed")));
    if (answer.status === "success") form.reset(defaultValues);
    setState(answer);
    setPending(false);
  });

  const unsupported = hydrated && !browserSupportsWebAuthn();
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormMessages state={state} />
        <TextField
          name="name"
          label={t("passkeys.nameLabel")}
          hint={t("passkeys.nameHint")}
          autoComplete="off"
        />
        {hint && asked === proof && <p className="field-hint">{text(hint)}</p>}
        {needsPassword(asked) && (
          <PasswordField
            name="currentPassword"
            label={t("currentPassword")}
            autoComplete="current-password"
          />
        )}
        {asked === "password-and-code" && <AuthenticationCodeField />}
        {unsupported && <p className="muted">{t("passkeys.unsupported")}</p>}
        {/* Disabled until hydrated: the browser's part needs JavaScript. */}
        <button
          type="submit"
          className="primary"
          disabled={!hydrated || unsupported || pending}
          aria-busy={pending || undefined}
        >
          {pending ? `${t("passkeys.add")}…` : t("passkeys.add")}
        </button>
      </form>
    </FormProvider>
  );
}
