import "server-only";
import type { EventActor, EventDetails, EventKind } from "@/lib/events/kinds";
import { noticeFor, type NoticeData, type NoticeKind } from "@/lib/events/notices";
import { forgetAccountDetails, pruneEventsNowAndThen } from "@/lib/events/retention";
import type { Locale } from "@/i18n/locales";
import { db } from "@/lib/db";
import { database } from "@/lib/db/connection";
import { newRowId } from "@/lib/db/row-id";
import type { Prisma } from "@/lib/generated/prisma/client";
import { mailLanguage } from "@/lib/i18n/account-language";
import { enqueueMail, enqueueMailWith, type Statement } from "@/lib/mail/outbox";
import type { SecurityContext } from "@/lib/request-context";
import { clipUserAgent } from "@/lib/user-agent";

export type SecurityEventInput<K extends EventKind> = {
  kind: K;
  /** The account it concerns; null for a failed sign-in to an email without one. */
  userId: string | null;
  context: SecurityContext;
  /** Who did it; the account's owner unless said otherwise. */
  actor?: EventActor;
  details?: EventDetails;
};

/**
 * The account's address, name and saved language for its notice, and what the notice says
 * beyond the event. Without `locale`, the account's saved one is read (it must still exist).
 */
export type Notice<K extends NoticeKind> = {
  to: { email: string; name: string | null; locale?: string | null };
  data: NoticeData[K];
};

/**
 * Appends one security event and, when given one, puts its notice in the outbox in the same
 * transaction: the one place both happen, so an event and its notice cannot drift apart, and
 * neither exists without the other.
 */
export async function recordEvent<K extends EventKind>(
  event: SecurityEventInput<K>,
  ...notice: K extends NoticeKind ? [Notice<K>?] : []
): Promise<void> {
  const [mail] = notice as [Notice<K & NoticeKind>?];
  // A deletion also forgets the account's details, through Prisma; every other event is one
  // statement on the pool, its notice included.
  if (forgetsDetails(event.kind))
    await (mail
      ? db.$transaction((tx) => recordEventIn(tx, event, ...notice))
      : recordEventIn(db, event, ...notice));
  else if (mail) await insertEventWithNotice(event as SecurityEventInput<K & NoticeKind>, mail);
  else {
    const { text, values } = eventInsert(event);
    await (await database()).pool.query(text, values);
  }
  pruneEventsNowAndThen();
}

/** The same, in the caller's transaction: with the change it reports, all or nothing. */
export async function recordEventIn<K extends EventKind>(
  tx: Prisma.TransactionClient,
  event: SecurityEventInput<K>,
  ...notice: K extends NoticeKind ? [Notice<K>?] : []
): Promise<void> {
  const [mail] = notice as [Notice<K & NoticeKind>?];
  const locale = mail && (await recipientLanguage(tx, mail.to, event.userId));
  if (forgetsDetails(event.kind) && event.userId) await forgetAccountDetails(event.userId, tx);
  await tx.securityEvent.create({ data: eventRow(event) });
  if (mail && locale) {
    await enqueueMail(
      tx,
      await noticeFor(event.kind as K & NoticeKind, mail.to, event.context, mail.data, locale),
    );
  }
}

// A deleted account keeps its log, but nothing that could identify the person.
const forgetsDetails = (kind: EventKind) => kind === "account.deleted" || kind === "account.replaced";

function eventRow(event: SecurityEventInput<EventKind>) {
  const actor = event.actor ?? { type: "user" };
  const forget = forgetsDetails(event.kind);
  return {
    kind: event.kind,
    userId: event.userId,
    actorType: actor.type,
    actorId: actor.type === "admin" ? actor.id : null,
    ip: forget ? null : event.context.ip,
    userAgent: forget ? null : clipUserAgent(event.context.userAgent),
    details: forget ? undefined : event.details,
  };
}

/** An event and its notice in one statement (lib/mail/outbox.ts enqueueMailWith). */
async function insertEventWithNotice<K extends EventKind & NoticeKind>(
  event: SecurityEventInput<K>,
  mail: Notice<K>,
): Promise<void> {
  const locale = await recipientLanguage(db, mail.to, event.userId);
  const message = await noticeFor(event.kind, mail.to, event.context, mail.data, locale);
  await enqueueMailWith(eventInsert(event), message);
}

/**
 * The INSERT of one event, for the pool rather than Prisma: a sign-in writes one on every
 * attempt. Ids shaped like Prisma's; the time as UTC text, as Prisma writes it.
 */
function eventInsert(event: SecurityEventInput<EventKind>): Statement {
  const row = eventRow(event);
  const now = new Date();
  return {
    text: `INSERT INTO "SecurityEvent" ("id", "at", "kind", "userId", "actorType", "actorId", "ip", "userAgent", "details")
      VALUES ($1, $2::timestamp(3), $3, $4, $5, $6, $7, $8, $9::jsonb)`,
    values: [
      newRowId(now.getTime()),
      now.toISOString(),
      row.kind,
      row.userId,
      row.actorType,
      row.actorId,
      row.ip,
      row.userAgent,
      row.details === undefined ? null : JSON.stringify(row.details),
    ],
  };
}

/** A notice is written in the account's language, whatever the language of the request. */
async function recipientLanguage(
  tx: Prisma.TransactionClient,
  to: { locale?: string | null },
  userId: string | null,
): Promise<Locale> {
  if (to.locale !== undefined || !userId) return mailLanguage(to.locale);
  // In the caller's transaction: the embedded database has one connection, which it holds.
  const account = await tx.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return mailLanguage(account?.locale);
}
