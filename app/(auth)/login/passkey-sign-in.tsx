"use client";

import {
  browserSupportsWebAuthn,
  browserSupportsWebAuthnAutofill,
  startAuthentication,
  WebAuthnAbortService,
  WebAuthnError,
  type AuthenticationResponseJSON,
} from "@simplewebauthn/browser";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { passkeySignInOptions, signInWithPasskey } from "./passkey-actions";
import { PASSKEY_SIGN_IN_REFUSED } from "./passkey-messages";

// Autofill waits for as long as the page is open, its challenge only minutes
// (lib/passkeys/challenges.ts): a fresh one before the old one expires.
const AUTOFILL_REFRESH_MS = 4 * 60_000;

const noSubscription = () => () => {};

// Another ceremony took over (the button, or a fresh autofill challenge): not a failure.
const aborted = (error: unknown) =>
  (error instanceof WebAuthnError && error.code === "ERROR_CEREMONY_ABORTED") ||
  (error instanceof Error && error.name === "AbortError");

type Props = {
  callbackUrl: string;
  /** Remember me, as checked when the passkey answers. */
  remember: () => boolean;
  /** A message for the login form's alert; "" clears it. */
  onMessage: (message: string) => void;
};

/**
 * "Sign in with a passkey", and the same offered in the email field's autofill (conditional
 * mediation) where the browser supports it. One ceremony at a time: the button's aborts the
 * autofill's (simplewebauthn's WebAuthnAbortService), which listens again once the button's
 * attempt has failed.
 * It needs JavaScript, so the button stays disabled until the page is hydrated.
 */
export function PasskeySignIn({ callbackUrl, remember, onMessage }: Props) {
  const t = useTranslations("login");
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // The server's answer; on success the action redirects instead, to the callbackUrl.
  const [answer, verify, verifying] = useActionState(signInWithPasskey, null);
  const [choosing, setChoosing] = useState(false);
  const props = useRef({ callbackUrl, remember, onMessage });
  const listen = useRef<() => Promise<void>>(async () => {});
  const byButton = useRef(false);
  const buttonBusy = useRef(false);
  useEffect(() => {
    props.current = { callbackUrl, remember, onMessage };
  });

  function submit(response: AuthenticationResponseJSON, viaButton: boolean) {
    byButton.current = viaButton;
    const formData = new FormData();
    formData.set("response", JSON.stringify(response));
    formData.set("remember", String(props.current.remember()));
    formData.set("callbackUrl", props.current.callbackUrl);
    startTransition(() => verify(formData));
  }

  useEffect(() => {
    let mounted = true;
    let refresh: ReturnType<typeof setTimeout> | undefined;
    listen.current = async () => {
      clearTimeout(refresh);
      if (!mounted || !(await browserSupportsWebAuthnAutofill())) return;
      const options = await passkeySignInOptions();
      // The button's ceremony began meanwhile: starting this one would abort it.
      if (!mounted || buttonBusy.current || !("optionsJSON" in options)) return;
      refresh = setTimeout(() => void listen.current(), AUTOFILL_REFRESH_MS);
      let response: AuthenticationResponseJSON;
      try {
        response = await startAuthentication({ optionsJSON: options.optionsJSON, useBrowserAutofill: true });
      } catch (error) {
        if (!aborted(error)) props.current.onMessage(PASSKEY_SIGN_IN_REFUSED);
        return;
      } finally {
        clearTimeout(refresh);
      }
      submit(response, false);
    };
    void listen.current();
    return () => {
      mounted = false;
      clearTimeout(refresh);
      WebAuthnAbortService.cancelCeremony();
    };
    // Mounting starts the one autofill listener; what it calls reads only refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!answer) return;
    props.current.onMessage(answer.message);
    // Not after autofill's own attempt: the browser would offer the refused passkey again.
    if (byButton.current) void listen.current();
  }, [answer]);

  /** The button's ceremony: null once the response is on its way to the server, else what went wrong. */
  async function choose(): Promise<string | null> {
    try {
      const options = await passkeySignInOptions();
      if (!("optionsJSON" in options)) return options.message;
      submit(await startAuthentication({ optionsJSON: options.optionsJSON }), true);
      return null;
    } catch {
      // Cancelled, timed out, or no passkey for this site here: the same words as a refusal.
      return PASSKEY_SIGN_IN_REFUSED;
    }
  }

  async function signIn() {
    setChoosing(true);
    buttonBusy.current = true;
    props.current.onMessage("");
    const failure = await choose();
    buttonBusy.current = false;
    setChoosing(false);
    if (!failure) return;
    props.current.onMessage(failure);
    void listen.current();
  }

  if (hydrated && !browserSupportsWebAuthn()) return null;
  const busy = choosing || verifying;
  return (
    <button
      type="button"
      onClick={() => void signIn()}
      disabled={!hydrated || busy}
      aria-busy={busy || undefined}
    >
      {t("passkey")}
    </button>
  );
}
