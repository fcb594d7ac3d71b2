"use client";

import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/local-time";
import { revokeAccessTokenAction } from "../actions/access-tokens";

export type ShownAccessToken = {
  id: string;
  name: string;
  hint: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  expired: boolean;
};

export function AccessTokenList({ tokens }: { tokens: ShownAccessToken[] }) {
  const t = useTranslations("settings");
  if (tokens.length === 0) return <p className="muted empty-state">{t("accessTokens.empty")}</p>;
  return (
    <div className="table-scroll">
      <table className="sessions">
        <caption className="sr-only">{t("accessTokens.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("accessTokens.name")}</th>
            <th scope="col">{t("accessTokens.created")}</th>
            <th scope="col">{t("accessTokens.lastUsed")}</th>
            <th scope="col">{t("accessTokens.expires")}</th>
            <th scope="col">
              <span className="sr-only">{t("actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row">
                <bdi>{token.name}</bdi> <code className="muted">{token.hint}…</code>
              </th>
              <td>
                <LocalTime iso={token.createdAt} />
              </td>
              <td>{token.lastUsedAt ? <LocalTime iso={token.lastUsedAt} /> : t("never")}</td>
              <td>
                {token.expiresAt === null ? (
                  t("never")
                ) : (
                  <>
                    {token.expired && <span className="badge">{t("accessTokens.expired")}</span>}{" "}
                    <LocalTime iso={token.expiresAt} />
                  </>
                )}
              </td>
              <td>
                <form action={revokeAccessTokenAction}>
                  <input type="hidden" name="tokenId" value={token.id} />
                  <button type="submit">
                    {t("accessTokens.revoke")}
                    <span className="sr-only"> {t("accessTokens.theToken", { name: token.name })}</span>
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
