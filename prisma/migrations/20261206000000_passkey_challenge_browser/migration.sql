-- A passkey sign-in challenge is bound to the browser that asked for it (lib/passkeys/browser-binding.ts).
ALTER TABLE "WebAuthnChallenge" ADD COLUMN "browserDigest" TEXT;
