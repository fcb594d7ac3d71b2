// The test OpenID Connect provider as a process, for Playwright's webServer:
//   node tests/helpers/test-oidc-provider-server.mjs <port> <redirect URI>...
import { startTestOidcProvider } from "./test-oidc-provider.mjs";

const [port, ...redirectUris] = process.argv.slice(2);
const { issuer, close } = await startTestOidcProvider({ port: Number(port), redirectUris });
console.log(`test OpenID Connect provider on ${issuer}`);
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => void close().then(() => process.exit(0)));
