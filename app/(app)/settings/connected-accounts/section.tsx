import { getTranslations } from "next-intl/server";
import { FormAlert } from "@/components/forms/form-alert";
import { FormStatus } from "@/components/forms/form-status";
import { configuredProvider, configuredProviders } from "@/lib/providers/config";
import { proofToConnect } from "@/lib/providers/connections";
import { connectedProviders } from "@/lib/providers/identities";
import { TitledSection } from "@/components/titled-section";
import { ConnectForm } from "./connect-form";
import { DisconnectForm } from "./disconnect-form";
import { connectResultMessage, SIGN_IN_AGAIN_HINT } from "./messages";
import { SignInAgain } from "./sign-in-again";

type Props = {
  userId: string;
  sessionId: string;
  /** The provider callback's answer, from the URL: `connect` and `provider` codes. */
  result: { connect?: unknown; provider?: unknown };
};

/** /settings → Connected accounts: one row per configured provider, Connect or Disconnect. */
export async function ConnectedAccountsSection({ userId, sessionId, result }: Props) {
  const providers = configuredProviders();
  if (providers.length === 0) return null;
  const [connected, proof, t] = await Promise.all([
    connectedProviders(userId),
    proofToConnect(userId, sessionId),
    getTranslations("settings.connectedAccounts"),
  ]);
  const answered = configuredProvider(result.provider);
  const answer = answered ? connectResultMessage(result.connect, answered.name) : null;
  const mine = providers.filter((provider) => connected.includes(provider.id));
  return (
    <TitledSection id="connected-accounts" title={t("heading")} description={t("description")}>
      <FormAlert message={answer?.status === "error" ? answer.message : null} />
      <FormStatus message={answer?.status === "success" ? answer.message : null} />
      <ul className="stack connected-accounts">
        {providers.map((provider) => (
          <li key={provider.id} className="stack">
            <p>
              <strong>{provider.name}</strong>{" "}
              <span className="muted">
                {connected.includes(provider.id) ? t("connected") : t("notConnected")}
              </span>
            </p>
            {connected.includes(provider.id) ? (
              <DisconnectForm provider={provider} />
            ) : (
              <ConnectForm provider={provider} askPassword={proof === "password"} />
            )}
          </li>
        ))}
      </ul>
      {/* Also the way to a fresh sign-in for the other sections' changes (lib/account/current-password.ts). */}
      {proof === "sign-in-again" && (
        <SignInAgain providers={mine} returnTo="/settings#connected-accounts" hint={SIGN_IN_AGAIN_HINT} />
      )}
    </TitledSection>
  );
}
