import { listAccessTokens } from "@/lib/access-tokens/tokens";
import { AccessTokenList } from "./access-tokens/access-token-list";
import { CreateAccessTokenForm } from "./access-tokens/create-access-token-form";
import { TitledSection } from "@/components/titled-section";

/** /settings → Personal access tokens: for scripts and apps that call the API as this account. */
export async function AccessTokensSection({ userId }: { userId: string }) {
  const tokens = await listAccessTokens(userId);
  return (
    <TitledSection
      id="access-tokens"
      title="Personal access tokens"
      description="A token lets a script or an app read your account through the API (Authorization: Bearer …). It cannot change your password, email, second factor or tokens."
    >
      <AccessTokenList
        tokens={tokens.map((token) => ({
          id: token.id,
          name: token.name,
          hint: token.hint,
          createdAt: token.createdAt.toISOString(),
          lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
          expiresAt: token.expiresAt?.toISOString() ?? null,
          expired: token.expired,
        }))}
      />
      <CreateAccessTokenForm />
    </TitledSection>
  );
}
