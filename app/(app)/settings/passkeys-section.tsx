import { headers } from "next/headers";
import { listPasskeys } from "@/lib/passkeys/passkeys";
import { PROOF_HINTS, proofToAddPasskey } from "@/lib/passkeys/proof";
import { describeUserAgent } from "@/lib/user-agent";
import { PasskeyAddForm } from "./passkey-add-form";
import { PasskeyList } from "./passkey-list";
import { TitledSection } from "@/components/titled-section";

/** The account's passkeys, one row each, and the form that adds one, saying why it asks what it asks. */
export async function PasskeysSection({ userId, sessionId }: { userId: string; sessionId: string }) {
  const [passkeys, proof, requestHeaders] = await Promise.all([
    listPasskeys(userId),
    proofToAddPasskey(userId, sessionId),
    headers(),
  ]);
  return (
    <TitledSection
      id="passkeys"
      title="Passkeys"
      description="A passkey signs you in with this device's fingerprint, face or screen lock, or with a security key: nothing to type, and nothing a fake site can steal."
    >
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
        suggestedName={describeUserAgent(requestHeaders.get("user-agent"))}
        proof={proof}
        hint={PROOF_HINTS[proof]}
      />
    </TitledSection>
  );
}
