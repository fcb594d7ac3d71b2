import "server-only";
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record";
import { Prisma } from "@/lib/generated/prisma/client";
import { CHALLENGE_SECONDS, consumeChallenge, saveChallenge } from "@/lib/passkeys/challenges";
import { relyingParty } from "@/lib/passkeys/relying-party";
import type { SecurityContext } from "@/lib/request-context";

/** Plenty for every device a person owns; a bound on the rows one account can make. */
export const MAX_PASSKEYS = 20;

// EdDSA, ES256, RS256 (COSE ids): what authenticators make. Not ML-DSA, which Node's Web
// Crypto offers only as an experiment (and warns of on every check).
const ALGORITHMS = [-8, -7, -257];

type Owner = { id: string; email: string; name: string | null };

/**
 * Options for navigator.credentials.create(): a discoverable credential with user
 * verification, so the passkey alone signs in, and none of the account's existing passkeys
 * (the same authenticator cannot be added twice). The challenge is bound to this account.
 */
export async function registrationOptions(
  user: Owner,
): Promise<PublicKeyCredentialCreationOptionsJSON | "too-many"> {
  const existing = await db.passkey.findMany({
    where: { userId: user.id },
    select: { credentialId: true, transports: true },
  });
  if (existing.length >= MAX_PASSKEYS) return "too-many";
  const rp = relyingParty();
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    // The user handle a passkey sign-in reports, so it must be the account's id and nothing else.
    userID: new TextEncoder().encode(user.id),
    userName: user.email,
    userDisplayName: user.name ?? user.email,
    timeout: CHALLENGE_SECONDS * 1000,
    attestationType: "none",
    supportedAlgorithmIDs: ALGORITHMS,
    excludeCredentials: existing.map(({ credentialId, transports }) => ({ id: credentialId, transports })),
    authenticatorSelection: {
      residentKey: "required",
      requireResidentKey: true,
      userVerification: "required",
    },
  });
  await saveChallenge(options.challenge, "register", { userId: user.id, browser: null });
  return options;
}

export type AddResult = "added" | "invalid" | "duplicate";

/** Verifies the browser's registration response against this account's challenge and stores the passkey. */
export async function addPasskey(
  user: Owner,
  { name, response }: { name: string; response: RegistrationResponseJSON },
  context: SecurityContext,
): Promise<AddResult> {
  const rp = relyingParty();
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: (challenge) =>
        consumeChallenge(challenge, "register", { userId: user.id, browser: null }),
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      supportedAlgorithmIDs: ALGORITHMS,
    });
  } catch {
    // Which check failed is no business of the browser's.
    return "invalid";
  }
  const info = verification.registrationInfo;
  if (!verification.verified || !info?.userVerified || info.credential.id !== response.id) return "invalid";
  try {
    await db.passkey.create({
      data: {
        userId: user.id,
        credentialId: info.credential.id,
        publicKey: info.credential.publicKey,
        counter: BigInt(info.credential.counter),
        transports: info.credential.transports ?? [],
        deviceType: info.credentialDeviceType,
        backedUp: info.credentialBackedUp,
        name,
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "duplicate";
    throw error;
  }
  await recordEvent(
    { kind: "passkey.added", userId: user.id, context, details: { name } },
    { to: user, data: { name } },
  );
  return "added";
}
