import "server-only";
import type { EventActor, EventDetails, EventKind } from "@/lib/events/kinds";
import { noticeFor, type NoticeData, type NoticeKind } from "@/lib/events/notices";
import { forgetAccountDetails, pruneEventsNowAndThen } from "@/lib/events/retention";
import type { Locale } from "@/i18n/locales";
import { db } from "@/lib/db";
import { mailLanguage } from "@/lib/i18n/account-language";
import { queueMail } from "@/lib/mail/send";
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
 * Appends one security event and, when given one, mails its notice to the account: the one
 * place both happen, so an event and its notice cannot drift apart.
 */
export async function recordEvent<K extends EventKind>(
  event: SecurityEventInput<K>,
  ...notice: K extends NoticeKind ? [Notice<K>?] : []
): Promise<void> {
  const actor = event.actor ?? { type: "user" };
  // A deleted account keeps its log, but nothing that could identify the person.
  const deletion = event.kind === "account.deleted" || event.kind === "account.replaced";
  const [mail] = notice as [Notice<K & NoticeKind>?];
  const locale = mail && (await recipientLanguage(mail.to, event.userId));
  if (deletion && event.userId) await forgetAccountDetails(event.userId);
  await db.securityEvent.create({
    data: {
      kind: event.kind,
      userId: event.userId,
      actorType: actor.type,
      actorId: actor.type === "admin" ? actor.id : null,
      ip: deletion ? null : event.context.ip,
      userAgent: deletion ? null : clipUserAgent(event.context.userAgent),
      details: deletion ? undefined : event.details,
    },
  });
  if (mail && locale) {
    queueMail(await noticeFor(event.kind as K & NoticeKind, mail.to, event.context, mail.data, locale));
  }
  await pruneEventsNowAndThen();
}

/** A notice is written in the account's language, whatever the language of the request. */
async function recipientLanguage(to: { locale?: string | null }, userId: string | null): Promise<Locale> {
  if (to.locale !== undefined || !userId) return mailLanguage(to.locale);
  const account = await db.user.findUnique({ where: { id: userId }, select: { locale: true } });
  return mailLanguage(account?.locale);
}
