import "server-only";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";

// RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30-second steps.
export const TOTP_ISSUER = "Latchkey";
const PERIOD = 30;

/** A fresh 160-bit secret, base32. */
export const newTotpSecret = () => generateSecret({ length: 20 });

/** The secret in groups of four, as people read it aloud or type it into an app. */
export const setupKey = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

export const totpUri = (secret: string, email: string) =>
  generateURI({ issuer: TOTP_ISSUER, label: email, secret });

/** The otpauth URI as an SVG QR code in a data URI: an image the CSP's img-src already allows. */
export async function qrCodeDataUri(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/**
 * The 30-second step `code` belongs to, checking the current step and one either side (clock
 * skew), or null. Steps up to `afterStep` are refused: a code once accepted is never again.
 */
export async function matchingStep(
  secret: string,
  code: string,
  { afterStep, at = Date.now() }: { afterStep?: number | null; at?: number } = {},
): Promise<number | null> {
  const epoch = Math.floor(at / 1000);
  // Nothing left to accept (a step used by a process whose clock runs ahead): otplib would throw.
  if (afterStep != null && afterStep >= Math.floor(epoch / PERIOD) + 1) return null;
  const result = await verify({
    secret,
    token: code,
    epoch,
    epochTolerance: PERIOD,
    ...(afterStep == null ? {} : { afterTimeStep: afterStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
