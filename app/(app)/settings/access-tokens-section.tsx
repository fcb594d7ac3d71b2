import { getTranslations } from "next-intl/server";
import { listAccessTokens } from "@/lib/access-tokens/tokens";
import { AccessTokenList } from "./access-tokens/access-token-list";
import { CreateAccessTokenForm } from "./access-tokens/create-access-token-form";
import { TitledSection } from "@/components/titled-section";

/** /settings → Personal access tokens: for scripts and apps that call the API as this account. */
export async function AccessTokensSection({ userId }: { userId: string }) {
  const [tokens, t] = await Promise.all([listAccessTokens(userId), getTranslations("settings.accessTokens")]);
  return (
    <TitledSection
      id="access-tokens"
      title={t("heading")}
      description={t.rich("description", { code: (chunks) => <code dir="ltr">{chunks}</code> })}
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
