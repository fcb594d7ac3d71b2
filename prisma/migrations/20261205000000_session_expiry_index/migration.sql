-- The sweep of sessions past their absolute expiry (lib/auth/session-sweep.ts) finds them by it.
CREATE INDEX "Session_expires_idx" ON "Session"("expires");
