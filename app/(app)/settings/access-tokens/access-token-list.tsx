"use client";

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
  if (tokens.length === 0) return <p className="muted">No tokens yet.</p>;
  return (
    <div className="table-scroll">
      <table className="sessions">
        <caption className="sr-only">Your personal access tokens</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Expires</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row">
                {token.name} <code className="muted">{token.hint}…</code>
              </th>
              <td>
                <LocalTime iso={token.createdAt} />
              </td>
              <td>{token.lastUsedAt ? <LocalTime iso={token.lastUsedAt} /> : "Never"}</td>
              <td>
                {token.expiresAt === null ? (
                  "Never"
                ) : (
                  <>
                    {token.expired && <span className="badge">Expired</span>}{" "}
                    <LocalTime iso={token.expiresAt} />
                  </>
                )}
              </td>
              <td>
                <form action={revokeAccessTokenAction}>
                  <input type="hidden" name="tokenId" value={token.id} />
                  <button type="submit">
                    Revoke<span className="sr-only"> the token {token.name}</span>
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
