import "server-only";
import { db } from "@/lib/db";

/** What a challenge was issued for: adding a passkey (to one account), or signing in. */
export type ChallengePurpose = "register" | "sign-in";

/** Long enough to find a security key or unlock a phone; the browser's own timeout matches. */
export const CHALLENGE_SECONDS = 5 * 60;

/** Stores a challenge that simplewebauthn generated; expired ones go first. */
export async function saveChallenge(challenge: string, purpose: ChallengePurpose, userId: string | null) {
  const now = Date.now();
  await db.webAuthnChallenge.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
  await db.webAuthnChallenge.create({
    data: { challenge, purpose, userId, expiresAt: new Date(now + CHALLENGE_SECONDS * 1000) },
  });
}

/**
 * Uses a challenge up: one DELETE … RETURNING, so of parallel attempts exactly one gets it.
 * True only when it was live and issued for this purpose and this user (null for sign-in);
 * a challenge presented for anything else is burnt all the same.
 */
export async function consumeChallenge(
  challenge: string,
  purpose: ChallengePurpose,
  userId: string | null,
): Promise<boolean> {
  const [row] = await db.$queryRaw<{ purpose: string; userId: string | null; expiresAt: Date }[]>`
    DELETE FROM "WebAuthnChallenge" WHERE "challenge" = ${challenge}
    RETURNING "purpose", "userId", "expiresAt"`;
  if (!row || row.expiresAt.getTime() <= Date.now()) return false;
  return row.purpose === purpose && row.userId === userId;
}
