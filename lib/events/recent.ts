import "server-only";
import { EVENT_LABELS, type EventKind } from "@/lib/events/kinds";
import { db } from "@/lib/db";
import { isProviderId, providerName } from "@/lib/providers/config";
import { describeUserAgent } from "@/lib/user-agent";

export type ActivityRow = { id: string; at: Date; what: string; ip: string | null; device: string };

export const RECENT_ACTIVITY_LIMIT = 25;

/** The kind's words, and the provider when one was involved: "Signed in (GitHub)". */
function describe(kind: string, details: unknown): string {
  const label: string = EVENT_LABELS[kind as EventKind] ?? kind;
  const fields = details && typeof details === "object" ? (details as Record<string, unknown>) : {};
  const provider = kind.startsWith("provider.") ? fields.provider : fields.method;
  return isProviderId(provider) ? `${label} (${providerName(provider)})` : label;
}

/** An account's latest security events, newest first, as /settings shows them. */
export async function recentActivity(userId: string, limit = RECENT_ACTIVITY_LIMIT): Promise<ActivityRow[]> {
  const rows = await db.securityEvent.findMany({
    where: { userId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, at: true, kind: true, ip: true, userAgent: true, details: true, actorType: true },
  });
  return rows.map((row) => {
    // An administrator's address and device are theirs, not the account's: the audit log has them.
    const byAdmin = row.actorType === "admin";
    return {
      id: row.id,
      at: row.at,
      what: describe(row.kind, row.details),
      ip: byAdmin ? null : row.ip,
      device: byAdmin ? "An administrator" : describeUserAgent(row.userAgent),
    };
  });
}

/** Whether the account has ever signed in successfully (a first sign-in is not "new"). */
export async function hasSignedInBefore(userId: string): Promise<boolean> {
  const row = await db.securityEvent.findFirst({
    where: { userId, kind: "sign-in.succeeded" },
    select: { id: true },
  });
  return row !== null;
}
