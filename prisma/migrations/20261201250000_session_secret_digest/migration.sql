-- The column holds the digest of the session's secret, not a token: named for what it holds.
ALTER TABLE "Session" RENAME COLUMN "sessionToken" TO "secretDigest";

-- RenameIndex
ALTER INDEX "Session_sessionToken_key" RENAME TO "Session_secretDigest_key";
