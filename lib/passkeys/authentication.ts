import "server-only";
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import type { VerifiedUser } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import { bindChallengeToBrowser, browserSecretIn } from "@/lib/passkeys/browser-binding";
import { CHALLENGE_SECONDS, consumeChallenge, saveChallenge } from "@/lib/passkeys/challenges";
import { relyingParty } from "@/lib/passkeys/relying-party";
import type { SecurityContext } from "@/lib/request-context";

/**
 * Options for navigator.credentials.get(): any of this site's passkeys (discoverable), verified.
 * The challenge is bound to this browser (a cookie set here, so only from a server action).
 */
export async function signInOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const rp = relyingParty();
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: [],
    userVerification: "required",
    timeout: CHALLENGE_SECONDS * 1000,
  });
  await saveChallenge(options.challenge, "sign-in", {
    userId: null,
    browser: await bindChallengeToBrowser(),
  });
  return options;
}

export type PasskeyAccount = VerifiedUser & { emailVerified: boolean };

const userHandleOf = (response: AuthenticationResponseJSON) =>
  response.response.userHandle ? Buffer.from(response.response.userHandle, "base64url").toString() : null;

/**
 * The enabled account whose passkey signed, with user verification, a sign-in challenge issued
 * to this request's browser; or null. A valid signature whose counter did not grow is refused
 * and reported to the owner as a possible copy of the passkey.
 */
export async function provePasskey(
  response: AuthenticationResponseJSON,
  context: SecurityContext,
): Promise<PasskeyAccount | null> {
  const passkey = await db.passkey.findUnique({
    where: { credentialId: response.id },
    include: {
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          credentialVersion: true,
          disabledAt: true,
          emailVerified: true,
        },
      },
    },
  });
  if (!passkey || passkey.user.disabledAt) return null;
  // The authenticator's claim of whose passkey it is must agree with ours.
  const userHandle = userHandleOf(response);
  if (userHandle !== null && userHandle !== passkey.userId) return null;
  const rp = relyingParty();
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (challenge) =>
        consumeChallenge(challenge, "sign-in", {
          userId: null,
          browser: browserSecretIn(context.cookieHeader),
        }),
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      // Counter 0 turns simplewebauthn's own counter check off: it runs before the signature
      // check, and an unsigned response must not be able to report a copied passkey.
      credential: { id: passkey.credentialId, publicKey: passkey.publicKey, counter: 0 },
      requireUserVerification: true,
    });
  } catch {
    return null;
  }
  const info = verification.authenticationInfo;
  if (!verification.verified || !info.userVerified) return null;
  if (!(await advanceCounter(passkey.id, info.newCounter, info.credentialBackedUp))) {
    await recordEvent(
      {
        kind: "passkey.refused",
        userId: passkey.userId,
        context,
        details: { name: passkey.name, counter: info.newCounter, stored: Number(passkey.counter) },
      },
      { to: passkey.user, data: { name: passkey.name } },
    );
    return null;
  }
  const { id, name, email, credentialVersion, emailVerified } = passkey.user;
  return { id, name, email, credentialVersion, emailVerified: emailVerified !== null };
}

/**
 * W3C WebAuthn §6.1.1: where the authenticator keeps a signature counter, each use must
 * report a larger one; a counter that does not grow means two copies of one key. One guarded
 * UPDATE, so of two parallel uses with the same counter only one gets through. Authenticators
 * without a counter (synced passkeys) always report 0.
 */
async function advanceCounter(id: string, counter: number, backedUp: boolean): Promise<boolean> {
  const grows = counter === 0 ? { counter: 0 } : { counter: { lt: counter } };
  const { count } = await db.passkey.updateMany({
    where: { id, ...grows },
    data: { counter: BigInt(counter), lastUsedAt: new Date(), backedUp },
  });
  return count > 0;
}
