import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { TitledSection } from "@/components/titled-section";
import { getMessageText } from "@/lib/i18n/server";
import { listPasskeys } from "@/lib/passkeys/passkeys";
import { PROOF_HINTS, proofToAddPasskey } from "@/lib/passkeys/proof";
import { deviceMessage } from "@/lib/user-agent";
import { PasskeyAddForm } from "./passkey-add-form";
import { PasskeyList } from "./passkey-list";

// A name is one line without direction controls (lib/validations/passkeys.ts): the isolates
// that keep a device's name apart inside Arabic text do not belong in one.
const ISOLATES = /[\u2066-\u2069]/g;

/** The account's passkeys, one row each, and the form that adds one, saying why it asks what it asks. */
export async function PasskeysSection({ userId, sessionId }: { userId: string; sessionId: string }) {
  const [passkeys, proof, requestHeaders, t, text] = await Promise.all([
    listPasskeys(userId),
    proofToAddPasskey(userId, sessionId),
    headers(),
    getTranslations("settings.passkeys"),
    getMessageText(),
  ]);
  return (
    <TitledSection id="passkeys" title={t("heading")} description={t("description")}>
      <PasskeyList
        passkeys={passkeys.map(({ id, name, createdAt, lastUsedAt }) => ({
          id,
          name,
          createdAt: createdAt.toISOString(),
          lastUsedAt: lastUsedAt?.toISOString() ?? null,
        }))}
      />
      {/* Keyed by the proof: switching an authenticator app on or off starts the form again. */}
      <PasskeyAddForm
        key={proof}
        suggestedName={text(deviceMessage(requestHeaders.get("user-agent"))).replace(ISOLATES, "")}
        proof={proof}
        hint={PROOF_HINTS[proof]}
      />
    </TitledSection>
  );
}
