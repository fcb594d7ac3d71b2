import "server-only";
import { revokeSession } from "@/lib/auth/sessions";
import { recordEvent } from "@/lib/events/record";
import type { SecurityContext } from "@/lib/request-context";

/** Sign-out: the session row goes, so a copied cookie stops working, and the log says so. */
export async function endSession(secret: string, context: SecurityContext): Promise<void> {
  const userId = await revokeSession(secret);
  // No row, no event: a deleted account's last sign-out must not log its address.
  if (userId) await recordEvent({ kind: "signed-out", userId, context });
}
