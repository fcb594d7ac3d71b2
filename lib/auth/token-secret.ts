import { createHash, randomBytes } from "node:crypto";

// Session secrets and emailed-link secrets: 256 random bits each. The database stores only
// the digest, so a copy of it opens no session and follows no link.

export const newTokenSecret = () => randomBytes(32).toString("base64url");

export const tokenDigest = (secret: string) => createHash("sha256").update(secret).digest("base64url");
