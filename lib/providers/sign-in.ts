import "server-only";
import type { Account, User } from "next-auth";
import { getToken } from "next-auth/jwt";
import { completeSignIn } from "@/lib/auth/complete-sign-in";
import { beginPendingSignIn } from "@/lib/auth/pending-sign-in";
import { setPendingSignInCookie } from "@/lib/auth/pending-sign-in-cookie";
import { validateSession } from "@/lib/auth/sessions";
import { DEFAULT_AFTER_SIGN_IN } from "@/lib/callback-url";
import { env } from "@/lib/env";
import { hasSignedInBefore } from "@/lib/events/recent";
import { recordEvent } from "@/lib/events/record";
import { currentProviderCallback, type ProviderCallback } from "@/lib/providers/callback";
import { configuredProvider, type ConfiguredProvider } from "@/lib/providers/config";
import type { ProviderFlow } from "@/lib/providers/flow";
import {
  createAccountFromIdentity,
  findAccountByEmail,
  findIdentityOwner,
  linkIdentity,
  type Identity,
  type IdentityOwner,
} from "@/lib/providers/identities";
import { providerSignInErrorUrl, type ProviderRefusal } from "@/lib/providers/messages";
import { securityContext, type SecurityContext } from "@/lib/request-context";
import { hasTwoFactor } from "@/lib/second-factor/authenticator-app";

// Auth.js's signIn callback for GitHub, Google and the OpenID Connect provider (auth.ts). By
// the time it runs Auth.js has checked state, PKCE and nonce and read the profile
// (lib/providers/profiles.ts). It decides, by the identity alone, which account this is,
// and either opens the session through completeSignIn (the one place a session starts), or
// begins the second step, or connects the identity, or refuses with a reason for /login.
// Auth.js's adapter is not used: no user or account is ever created behind this code's back.

type Outcome = { owner: IdentityOwner } | { refused: ProviderRefusal; userId?: string };

/**
 * Which account this identity signs in to. Never one found by email: an address already in
 * use is refused (its owner connects the provider from settings), except an unconfirmed one
 * while confirmation is required, which no one has ever signed in to: that account is replaced,
 * so a password someone else chose for this address never opens the new account.
 */
async function resolveAccount(identity: Identity, context: SecurityContext, attempt = 1): Promise<Outcome> {
  const linked = await findIdentityOwner(identity);
  if (linked) {
    if (linked.disabledAt) return { refused: "unavailable", userId: linked.id };
    if (env.AUTH_REQUIRE_VERIFIED_EMAIL && !linked.emailVerified) return { refused: "unavailable" };
    return { owner: linked };
  }
  // An address the provider did not verify links to nothing and makes nothing.
  if (!identity.email) return { refused: "no-verified-email" };
  const holder = await findAccountByEmail(identity.email);
  // Never signed in, by any way in: with the flag ever off, an unconfirmed account may be in use.
  const squatter =
    holder &&
    !holder.emailVerified &&
    env.AUTH_REQUIRE_VERIFIED_EMAIL &&
    !(await hasSignedInBefore(holder.id));
  if (holder && !squatter) return { refused: "email-taken", userId: holder.id };
  const created = await createAccountFromIdentity(
    { ...identity, email: identity.email },
    context.at,
    holder?.id,
  );
  if (!created) {
    // A parallel sign-in or registration took the address or the identity first: look again.
    return attempt < 2 ? resolveAccount(identity, context, attempt + 1) : { refused: "unavailable" };
  }
  if (holder) {
    const replaced = {
      kind: "account.replaced",
      userId: holder.id,
      context,
      actor: { type: "system" },
    } as const;
    await recordEvent({ ...replaced, details: { provider: identity.provider, by: created.id } });
  }
  return { owner: created };
}

async function signIn(
  user: User,
  identity: Identity,
  provider: ConfiguredProvider,
  flow: Extract<ProviderFlow, { intent: "sign-in" }> | null,
  callback: ProviderCallback | null,
  context: SecurityContext,
): Promise<true | string> {
  const outcome = await resolveAccount(identity, context);
  if ("refused" in outcome) {
    const details = { provider: provider.id, reason: outcome.refused };
    await recordEvent({ kind: "provider.refused", userId: outcome.userId ?? null, context, details });
    return providerSignInErrorUrl(outcome.refused, provider.id);
  }
  const { owner } = outcome;
  const account = {
    id: owner.id,
    name: owner.name,
    email: owner.email,
    credentialVersion: owner.credentialVersion,
  };
  // Remember me as ticked on /login; a browser session when it was not, or not offered.
  const remember = flow?.remember ?? false;
  const proof = { method: provider.id, factors: ["provider"] };
  if (await hasTwoFactor(owner.id)) {
    // The second factor is owed: a pending sign-in, never a session (as after a password).
    const callbackUrl = flow?.callbackUrl ?? DEFAULT_AFTER_SIGN_IN;
    await setPendingSignInCookie(await beginPendingSignIn(account, { proof, remember, callbackUrl }));
    if (callback) callback.succeeded = true;
    return "/login/two-factor";
  }
  const sessionSecret = await completeSignIn(account, proof, { remember, context });
  if (!sessionSecret) return providerSignInErrorUrl("expired", provider.id);
  if (callback) callback.succeeded = true;
  // What the jwt callback puts in the token (auth.ts): this account's id and the session's secret.
  Object.assign(user, { id: owner.id, name: owner.name, email: owner.email, image: null, sessionSecret });
  return true;
}

/** The live session a callback request's cookie names, as the jwt callback would read it. */
async function sessionOfRequest(cookieHeader: string) {
  // Only the cookie counts (getToken would also read an Authorization header), under either of
  // Auth.js's names: `__Secure-` prefixed when the site is served over https.
  const req = { headers: { cookie: cookieHeader } };
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req, secret: env.AUTH_SECRET, secureCookie });
    if (token?.sessionSecret) return validateSession(token.sessionSecret);
  }
  return null;
}

const connectedTo = (result: string, provider: string) =>
  `/settings?${new URLSearchParams({ connect: result, provider })}#connected-accounts`;

/**
 * Connecting from /settings: the identity joins the account that started the flow, only while
 * the very session that started it (after the proof settings asked for) is still signed in
 * here. The provider's email plays no part: the identity is what is connected.
 */
async function connect(
  identity: Identity,
  provider: ConfiguredProvider,
  flow: Extract<ProviderFlow, { intent: "connect" }>,
  callback: ProviderCallback,
): Promise<string> {
  const session = await sessionOfRequest(callback.cookieHeader);
  if (!session || session.userId !== flow.userId || session.sessionId !== flow.sessionId) {
    return connectedTo("expired", provider.id);
  }
  const result = await linkIdentity(session.userId, identity);
  callback.succeeded = true;
  if (result === "connected") {
    await recordEvent(
      {
        kind: "provider.connected",
        userId: session.userId,
        context: callback.context,
        details: { provider: provider.id },
      },
      { to: session.user, data: { provider: provider.name } },
    );
  }
  return connectedTo(result, provider.id);
}

/** Auth.js's signIn callback for an OAuth or OpenID Connect account: true, or where to go instead. */
export async function providerSignIn(user: User, account: Account): Promise<true | string> {
  const provider = configuredProvider(account.provider);
  if (!provider) return "/login";
  const callback = currentProviderCallback();
  const context = callback?.context ?? (await securityContext());
  const identity: Identity = {
    provider: provider.id,
    type: account.type,
    providerAccountId: account.providerAccountId,
    email: user.email ?? null,
    name: user.name ?? null,
  };
  const flow = callback?.flow ?? null;
  if (callback && flow?.intent === "connect") return connect(identity, provider, flow, callback);
  return signIn(user, identity, provider, flow?.intent === "sign-in" ? flow : null, callback, context);
}
