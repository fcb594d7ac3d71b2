import "server-only";
import { tokenDigest } from "@/lib/auth/token-secret";
import { db } from "@/lib/db";

/** What a challenge was issued for: adding a passkey (to one account), or signing in. */
export type ChallengePurpose = "register" | "sign-in";

/**
 * Whom a challenge is for: the account adding a passkey (null for signing in), and the secret
 * of the browser that asked to sign in (lib/passkeys/browser-binding.ts; null for adding,
 * where the account's session already binds it).
 */
export type ChallengeHolder = { userId: string | null; browser: string | null };

/** Long enough to find a security key or unlock a phone; the browser's own timeout matches. */
export const CHALLENGE_SECONDS = 5 * 60;

const browserDigestOf = (browser: string | null) => (browser === null ? null : tokenDigest(browser));

/** Stores a challenge that simplewebauthn generated; expired ones go first. */
export async function saveChallenge(challenge: string, purpose: ChallengePurpose, holder: ChallengeHolder) {
  const now = Date.now();
  await db.webAuthnChallenge.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
  await db.webAuthnChallenge.create({
    data: {
      challenge,
      purpose,
      userId: holder.userId,
      browserDigest: browserDigestOf(holder.browser),
      expiresAt: new Date(now + CHALLENGE_SECONDS * 1000),
    },
  });
}

/**
 * Uses a challenge up: one DELETE … RETURNING, so of parallel attempts exactly one gets it.
 * True only when it was live and issued for this purpose, this user and this browser; a
 * challenge presented for anything else is burnt all the same.
 */
export async function consumeChallenge(
  challenge: string,
  purpose: ChallengePurpose,
  holder: ChallengeHolder,
): Promise<boolean> {
  const [row] = await db.$queryRaw<
    { purpose: string; userId: string | null; browserDigest: string | null; expiresAt: Date }[]
  >`
    DELETE FROM "WebAuthnChallenge" WHERE "challenge" = ${challenge}
    RETURNING "purpose", "userId", "browserDigest", "expiresAt"`;
  if (!row || row.expiresAt.getTime() <= Date.now()) return false;
  return (
    row.purpose === purpose &&
    row.userId === holder.userId &&
    row.browserDigest === browserDigestOf(holder.browser)
  );
}
