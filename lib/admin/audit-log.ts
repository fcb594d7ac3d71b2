import "server-only";
import { db } from "@/lib/db";
import { EVENT_MESSAGES, type EventKind } from "@/lib/events/kinds";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeEmail } from "@/lib/email";
import { deviceMessage } from "@/lib/user-agent";
import { message } from "@/lib/i18n/message";
import type { AuditFilters } from "@/lib/validations/admin";

export const EVENTS_PER_PAGE = 50;

export type AuditRow = {
  id: string;
  at: Date;
  kind: string;
  /** The kind's name, as a message (lib/i18n/message.ts): in words where it is shown. */
  what: string;
  userId: string | null;
  /** Null for an event of no account, or of one deleted since. */
  userEmail: string | null;
  actorType: string;
  actorId: string | null;
  actorEmail: string | null;
  ip: string | null;
  userAgent: string | null;
  /** The device, as a message ("Chrome on Linux"). */
  device: string;
  details: Prisma.JsonValue;
};

const DAY_MS = 86_400_000;

/** The filters as a query; null when the user filter names no account (nothing can match). */
async function whereOf(filters: Omit<AuditFilters, "page">): Promise<Prisma.SecurityEventWhereInput | null> {
  const where: Prisma.SecurityEventWhereInput = {};
  if (filters.user) {
    const user = await db.user.findUnique({
      where: { email: normalizeEmail(filters.user) },
      select: { id: true },
    });
    if (!user) return null;
    where.userId = user.id;
  }
  if (filters.kind) where.kind = filters.kind;
  // Whole UTC days, both ends included.
  const at: Prisma.DateTimeFilter = {};
  if (filters.from) at.gte = new Date(`${filters.from}T00:00:00Z`);
  if (filters.to) at.lt = new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS);
  if (at.gte || at.lt) where.at = at;
  return where;
}

const NEWEST_FIRST = [
  { at: "desc" },
  { id: "desc" },
] satisfies Prisma.SecurityEventOrderByWithRelationInput[];

type EventRecord = Prisma.SecurityEventGetPayload<object>;

/** The events with the addresses of the accounts they concern and of the admins who acted. */
async function withEmails(events: EventRecord[]): Promise<AuditRow[]> {
  const ids = new Set(events.flatMap((event) => [event.userId, event.actorId].filter((id) => id !== null)));
  const users = await db.user.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, email: true },
  });
  const emails = new Map(users.map((user) => [user.id, user.email]));
  return events.map((event) => ({
    id: event.id,
    at: event.at,
    kind: event.kind,
    what: EVENT_MESSAGES[event.kind as EventKind] ?? message("events.unknownKind", { kind: event.kind }),
    userId: event.userId,
    userEmail: event.userId ? (emails.get(event.userId) ?? null) : null,
    actorType: event.actorType,
    actorId: event.actorId,
    actorEmail: event.actorId ? (emails.get(event.actorId) ?? null) : null,
    ip: event.ip,
    userAgent: event.userAgent,
    device: deviceMessage(event.userAgent),
    details: event.details,
  }));
}

export type AuditPage = { rows: AuditRow[]; total: number; page: number; pageCount: number };

/** One page of every security event matching the filters, newest first. */
export async function auditPage(filters: AuditFilters, perPage = EVENTS_PER_PAGE): Promise<AuditPage> {
  const where = await whereOf(filters);
  if (!where) return { rows: [], total: 0, page: filters.page, pageCount: 1 };
  const [total, events] = await Promise.all([
    db.securityEvent.count({ where }),
    db.securityEvent.findMany({
      where,
      orderBy: NEWEST_FIRST,
      skip: (filters.page - 1) * perPage,
      take: perPage,
    }),
  ]);
  return {
    rows: await withEmails(events),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / perPage)),
  };
}

/** One account's latest events, for its page in the console. */
export async function latestEvents(userId: string, take = 20): Promise<AuditRow[]> {
  const events = await db.securityEvent.findMany({ where: { userId }, orderBy: NEWEST_FIRST, take });
  return withEmails(events);
}

/** Every event matching the filters, newest first, a batch at a time (for the CSV export). */
export async function* everyAuditRow(
  filters: Omit<AuditFilters, "page">,
  batch = 500,
): AsyncGenerator<AuditRow[]> {
  const where = await whereOf(filters);
  if (!where) return;
  let cursor: string | undefined;
  for (;;) {
    const events = await db.securityEvent.findMany({
      where,
      orderBy: NEWEST_FIRST,
      take: batch,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (events.length > 0) yield await withEmails(events);
    if (events.length < batch) return;
    cursor = events.at(-1)?.id;
  }
}
