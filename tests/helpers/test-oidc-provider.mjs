// A real OpenID Connect provider (oidc-provider) on loopback, for the integration and
// end-to-end tests of signing in with a provider. Its development login screen accepts any
// login and password; the login decides who signs in:
//   "ada@example.test"             sub "ada@example.test", that email, email_verified true
//   "ada@example.test#unverified"  another sub, the same email, email_verified false
// Consent is given by the client being first-party here (no consent screen).
import { createServer } from "node:http";
import Provider from "oidc-provider";
import { TEST_OIDC_CLIENT } from "./test-oidc-client.mjs";

export { TEST_OIDC_CLIENT };

/** The claims for a login typed into the provider's login screen. */
export function testOidcClaims(login) {
  const unverified = login.endsWith("#unverified");
  const email = unverified ? login.slice(0, -"#unverified".length) : login;
  const local = email.split("@")[0] ?? email;
  return { sub: login, email, email_verified: !unverified, name: `OIDC ${local}` };
}

/**
 * Starts the provider on 127.0.0.1:`port` (0 for any free one) for a client whose redirect
 * URIs are `redirectUris`. Resolves with its issuer and a close().
 */
export async function startTestOidcProvider({ port = 0, redirectUris }) {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_OIDC_CLIENT.id,
        client_secret: TEST_OIDC_CLIENT.secret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => testOidcClaims(id) }),
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ["latchkey-test-oidc-cookies"] },
    // A first-party client: every scope it asks for is granted without a consent screen.
    async loadExistingGrant(ctx) {
      const grantId =
        ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  // Quiet: a failed token exchange (a replayed code) is expected in these tests.
  provider.on("server_error", (_ctx, error) => console.error("[test-oidc-provider]", error));
  server.on("request", provider.callback());
  return {
    issuer,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
