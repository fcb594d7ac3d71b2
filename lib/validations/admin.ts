import * as z from "zod/mini";
import { ROLES } from "@/lib/admin/permissions";
import { EVENT_LABELS, type EventKind } from "@/lib/events/kinds";
import { message } from "@/lib/i18n/message";
import { currentPasswordField, MAX_EMAIL_LENGTH } from "@/lib/validations/fields";

// One schema per /admin form, shared by the form and its server action, and the parsing of
// the console's GET forms (search, audit filters), whose values arrive in the URL.

/** A user's id as the database makes them (cuid): anything else names no user. */
export const userIdField = z
  .string()
  .check(z.regex(/^[a-z0-9]{20,40}$/i, message("admin.validation.noSuchUser")));

const sessionIdField = z
  .string()
  .check(z.regex(/^[a-z0-9]{20,40}$/i, message("admin.validation.noSuchSession")));

/** Present only from the confirmation step's button, so no single click changes an account. */
const confirmField = z.literal("yes", { error: message("admin.validation.confirm") });

/** Lock, Unlock, Sign out all sessions, Reset two-factor, resend the confirmation email. */
export const userActionSchema = z.object({ userId: userIdField, confirm: confirmField });

export const saveRoleSchema = z.object({
  userId: userIdField,
  role: z.enum(ROLES, { error: message("admin.validation.chooseRole") }),
  confirm: confirmField,
});

/** One of the user's sessions, ended from its row. */
export const revokeUserSessionSchema = z.object({ userId: userIdField, sessionId: sessionIdField });

const PROOF_NEEDED = message("admin.validation.proofNeeded");

/**
 * "Confirm it's you": the current password, or, for an account with two-factor
 * authentication on, a code from its app or a recovery code instead.
 */
export const confirmIdentitySchemaFor = (twoFactor: boolean) =>
  twoFactor
    ? z
        .object({
          userId: userIdField,
          currentPassword: z.optional(
            z.string().check(z.maxLength(256, message("admin.validation.passwordTooLong"))),
          ),
          code: z.optional(
            z.string().check(z.trim(), z.maxLength(64, message("admin.validation.codeTooLong"))),
          ),
        })
        .check(
          z.refine((input) => Boolean(input.currentPassword || input.code), {
            path: ["currentPassword"],
            message: PROOF_NEEDED,
          }),
        )
    : z.object({ userId: userIdField, currentPassword: currentPasswordField, code: z.optional(z.string()) });
export type ConfirmIdentityInput = z.input<ReturnType<typeof confirmIdentitySchemaFor>>;

// GET forms: a bad value is dropped (the page shows everything), never an error page.

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function param(params: SearchParams, name: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(name) : params[name];
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
}

const pageField = z.pipe(
  z.string().check(z.regex(/^[1-9][0-9]{0,5}$/)),
  z.transform((value) => Number.parseInt(value, 10)),
);

function pageOf(params: SearchParams): number {
  const parsed = pageField.safeParse(param(params, "page"));
  return parsed.success ? parsed.data : 1;
}

const textFilter = (max: number) =>
  z.pipe(
    z.string().check(z.trim(), z.maxLength(max)),
    z.transform((value) => value || undefined),
  );

function textOf(params: SearchParams, name: string, max: number): string | undefined {
  const parsed = textFilter(max).safeParse(param(params, name));
  return parsed.success ? parsed.data : undefined;
}

export type UserSearch = { query?: string; page: number };

/** /admin/users?q=…&page=… */
export function parseUserSearch(params: SearchParams): UserSearch {
  return { query: textOf(params, "q", MAX_EMAIL_LENGTH), page: pageOf(params) };
}

const EVENT_KINDS = Object.keys(EVENT_LABELS) as [EventKind, ...EventKind[]];
const kindField = z.enum(EVENT_KINDS);
// A real calendar day (no 31 February rolling over) in years PostgreSQL and JavaScript agree on.
const dayField = z.string().check(
  z.regex(/^(19[7-9]\d|[2-9]\d{3})-\d{2}-\d{2}$/),
  z.refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  }),
);

export type AuditFilters = {
  /** An account's email address, matched exactly (as stored: normalised). */
  user?: string;
  kind?: EventKind;
  /** Whole days in UTC, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
  page: number;
};

/** /admin/audit?user=…&kind=…&from=…&to=…&page=…, and its CSV export with the same filters. */
export function parseAuditFilters(params: SearchParams): AuditFilters {
  const kind = kindField.safeParse(param(params, "kind"));
  const from = dayField.safeParse(param(params, "from"));
  const to = dayField.safeParse(param(params, "to"));
  return {
    user: textOf(params, "user", MAX_EMAIL_LENGTH),
    kind: kind.success ? kind.data : undefined,
    from: from.success ? from.data : undefined,
    to: to.success ? to.data : undefined,
    page: pageOf(params),
  };
}

/** The filters as a query string (without the page), for links to other pages and the CSV. */
export function filterQuery(filters: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (key !== "page" && value !== undefined && value !== "") query.set(key, String(value));
  }
  return query.toString();
}
