// A passkey authenticator in software, for tests that need real WebAuthn responses: ES256 keys
// from node:crypto, attestation format "none", and the few CBOR types those need.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";

type Cbor = number | string | Uint8Array | Map<Cbor, Cbor>;

/** RFC 8949 §3.1: a major type and an argument (lengths here never pass 2^32). */
function cborHead(major: number, argument: number): Buffer {
  if (argument < 24) return Buffer.from([(major << 5) | argument]);
  if (argument < 0x100) return Buffer.from([(major << 5) | 24, argument]);
  if (argument < 0x10000) return Buffer.from([(major << 5) | 25, argument >> 8, argument & 0xff]);
  const head = Buffer.alloc(5);
  head[0] = (major << 5) | 26;
  head.writeUInt32BE(argument, 1);
  return head;
}

/** Integers, text, byte strings and maps; map keys in the order given (CTAP2's canonical order here). */
export function cbor(value: Cbor): Buffer {
  if (typeof value === "number") return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
  if (typeof value === "string") {
    const text = Buffer.from(value, "utf8");
    return Buffer.concat([cborHead(3, text.length), text]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([cborHead(2, value.length), value]);
  const entries = [...value].flatMap(([key, item]) => [cbor(key), cbor(item)]);
  return Buffer.concat([cborHead(5, value.size), ...entries]);
}

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();
const b64url = (data: Uint8Array) => Buffer.from(data).toString("base64url");

// W3C WebAuthn §6.1 authenticator data flags.
const FLAG = { UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40 } as const;

/** A credential this authenticator holds: its key, whose account it is, and its counter. */
export type SoftwarePasskey = {
  id: string;
  privateKey: KeyObject;
  rpId: string;
  /** base64url, as the relying party set it (the user id). */
  userHandle: string;
  /** null: an authenticator that keeps no counter (always reports 0). */
  counter: number | null;
};

type Ceremony = {
  origin?: string;
  userVerified?: boolean;
  /** Synced passkeys report backup eligibility and state. */
  backedUp?: boolean;
};

export const TEST_ORIGIN = "http://localhost:3000";

function authenticatorData(rpId: string, flags: number, counter: number, attested?: Buffer): Buffer {
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter);
  return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
}

function clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

/** navigator.credentials.create() for these options: a new ES256 passkey and the browser's JSON for it. */
export function createPasskey(
  options: PublicKeyCredentialCreationOptionsJSON,
  {
    origin = TEST_ORIGIN,
    userVerified = true,
    backedUp = false,
    counter = 0 as number | null,
  }: Ceremony & {
    counter?: number | null;
  } = {},
): { passkey: SoftwarePasskey; response: RegistrationResponseJSON } {
  const rpId = options.rp.id ?? "localhost";
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  // RFC 9053 §7.1.1: kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y.
  const coseKey = cbor(
    new Map<Cbor, Cbor>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x!, "base64url")],
      [-3, Buffer.from(jwk.y!, "base64url")],
    ]),
  );
  const credentialId = randomBytes(16);
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(credentialId.length);
  const attested = Buffer.concat([Buffer.alloc(16), idLength, credentialId, coseKey]);
  const flags = FLAG.UP | FLAG.AT | (userVerified ? FLAG.UV : 0) | (backedUp ? FLAG.BE | FLAG.BS : 0);
  const authData = authenticatorData(rpId, flags, counter ?? 0, attested);
  const attestationObject = cbor(
    new Map<Cbor, Cbor>([
      ["fmt", "none"],
      ["attStmt", new Map()],
      ["authData", authData],
    ]),
  );
  const id = b64url(credentialId);
  return {
    passkey: { id, privateKey, rpId, userHandle: options.user.id, counter },
    response: {
      id,
      rawId: id,
      type: "public-key",
      response: {
        clientDataJSON: b64url(clientData("webauthn.create", options.challenge, origin)),
        attestationObject: b64url(attestationObject),
        transports: ["internal", "hybrid"],
      },
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
    },
  };
}

/**
 * navigator.credentials.get() with this passkey: a signed assertion. The counter goes up by
 * one each time unless `counter` says what to report (a clone's stale one, say).
 */
export function assertPasskey(
  passkey: SoftwarePasskey,
  options: PublicKeyCredentialRequestOptionsJSON,
  {
    origin = TEST_ORIGIN,
    userVerified = true,
    backedUp = false,
    counter,
    userHandle = passkey.userHandle,
  }: Ceremony & { counter?: number; userHandle?: string | null } = {},
): AuthenticationResponseJSON {
  if (counter === undefined && passkey.counter !== null) passkey.counter += 1;
  const reported = counter ?? passkey.counter ?? 0;
  const flags = FLAG.UP | (userVerified ? FLAG.UV : 0) | (backedUp ? FLAG.BE | FLAG.BS : 0);
  const authData = authenticatorData(options.rpId ?? passkey.rpId, flags, reported);
  const clientDataJSON = clientData("webauthn.get", options.challenge, origin);
  // ECDSA over authenticatorData ‖ SHA-256(clientDataJSON), DER-encoded as authenticators send it.
  const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), passkey.privateKey);
  return {
    id: passkey.id,
    rawId: passkey.id,
    type: "public-key",
    response: {
      clientDataJSON: b64url(clientDataJSON),
      authenticatorData: b64url(authData),
      signature: b64url(signature),
      ...(userHandle === null ? {} : { userHandle }),
    },
    authenticatorAttachment: "platform",
    clientExtensionResults: {},
  };
}
