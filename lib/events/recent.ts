import "server-only";
import { EVENT_MESSAGES, type EventKind } from "@/lib/events/kinds";
import { db } from "@/lib/db";
import { message } from "@/lib/i18n/message";
import { isProviderId, providerName } from "@/lib/providers/config";
import { deviceMessage } from "@/lib/user-agent";

/** `what` and `device` are messages (lib/i18n/message.ts); `provider` the provider involved, if any. */
export type ActivityRow = {
  id: string;
  at: Date;
  what: string;
  provider: string | null;
  ip: string | null;
  device: string;
};

export const RECENT_ACTIVITY_LIMIT = 25;

function what(kind: string): string {
  return Object.hasOwn(EVENT_MESSAGES, kind)
    ? message(EVENT_MESSAGES[kind as EventKind])
    : message("events.unknownKind", { kind });
}

/** The provider a sign-in or a connection went through: shown as "Signed in (GitHub)". */
function providerOf(kind: string, details: unknown): string | null {
  const fields = details && typeof details === "object" ? (details as Record<string, unknown>) : {};
  const provider = kind.startsWith("provider.") ? fields.provider : fields.method;
  return isProviderId(provider) ? providerName(provider) : null;
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
      what: what(row.kind),
      provider: providerOf(row.kind, row.details),
      ip: byAdmin ? null : row.ip,
      device: byAdmin ? message("settings.activity.byAdmin") : deviceMessage(row.userAgent),
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
