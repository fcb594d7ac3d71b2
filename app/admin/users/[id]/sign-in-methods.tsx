import { LocalTime } from "@/components/local-time";
import type { UserDetails } from "@/lib/admin/user-details";

const PROVIDER_NAMES: Record<string, string> = { github: "GitHub", google: "Google", oidc: "OpenID Connect" };

/** How the account can sign in: a password, connected providers, passkeys. */
export function SignInMethods({ user }: { user: UserDetails }) {
  return (
    <>
      <p>{user.hasPassword ? "It has a password." : "It has no password."}</p>
      <h3>Connected accounts</h3>
      {user.providers.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {user.providers.map((account) => (
            <li key={account.id}>
              {PROVIDER_NAMES[account.provider] ?? account.provider}, connected{" "}
              <LocalTime iso={account.createdAt.toISOString()} />
            </li>
          ))}
        </ul>
      )}
      <h3>Passkeys</h3>
      {user.passkeys.length === 0 ? (
        <p>None.</p>
      ) : (
        <div className="table-scroll">
          <table className="sessions">
            <caption className="sr-only">The account&apos;s passkeys</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Added</th>
                <th scope="col">Last used</th>
              </tr>
            </thead>
            <tbody>
              {user.passkeys.map((passkey) => (
                <tr key={passkey.id}>
                  <th scope="row">{passkey.name}</th>
                  <td>
                    <LocalTime iso={passkey.createdAt.toISOString()} />
                  </td>
                  <td>
                    {passkey.lastUsedAt ? <LocalTime iso={passkey.lastUsedAt.toISOString()} /> : "Never"}
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
