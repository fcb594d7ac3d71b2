import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/local-time";
import type { UserDetails } from "@/lib/admin/user-details";

// Product names, the same in every language; OpenID Connect is the protocol's own name.
const PROVIDER_NAMES: Record<string, string> = { github: "GitHub", google: "Google", oidc: "OpenID Connect" };

/** How the account can sign in: a password, connected providers, passkeys. */
export async function SignInMethods({ user }: { user: UserDetails }) {
  const t = await getTranslations("admin.methods");
  return (
    <>
      <p>{user.hasPassword ? t("hasPassword") : t("noPassword")}</p>
      <h3>{t("connectedAccounts")}</h3>
      {user.providers.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul>
          {user.providers.map((account) => (
            <li key={account.id}>
              {t.rich("connected", {
                provider: PROVIDER_NAMES[account.provider] ?? account.provider,
                when: () => <LocalTime iso={account.createdAt.toISOString()} />,
              })}
            </li>
          ))}
        </ul>
      )}
      <h3>{t("passkeys")}</h3>
      {user.passkeys.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="sessions">
            <caption className="sr-only">{t("passkeysCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("added")}</th>
                <th scope="col">{t("lastUsed")}</th>
              </tr>
            </thead>
            <tbody>
              {user.passkeys.map((passkey) => (
                <tr key={passkey.id}>
                  <th scope="row">
                    <bdi>{passkey.name}</bdi>
                  </th>
                  <td>
                    <LocalTime iso={passkey.createdAt.toISOString()} />
                  </td>
                  <td>
                    {passkey.lastUsedAt ? <LocalTime iso={passkey.lastUsedAt.toISOString()} /> : t("never")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
