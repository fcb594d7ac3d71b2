// Finding users (literal, case-insensitive, paginated) and reading the audit log (filters,
// pages, and a CSV export a spreadsheet cannot be tricked by).
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));

const { encode } = await import("next-auth/jwt");
const { NextRequest } = await import("next/server");
const { GET: exportCsv } = await import("@/app/admin/audit/export/route");
const { auditPage } = await import("@/lib/admin/audit-log");
const { csvCell, csvLine } = await import("@/lib/admin/csv");
const { likePattern, searchUsers } = await import("@/lib/admin/user-search");
const { db } = await import("@/lib/db");
const { recordEvent } = await import("@/lib/events/record");
const { createUser } = await import("@/lib/users");
const { parseAuditFilters, parseUserSearch } = await import("@/lib/validations/admin");
const { cookieJar } = await import("@/tests/helpers/next-headers");
const { openSession } = await import("@/tests/helpers/sessions");

const context = (ip: string, userAgent: string | null = "vitest") => ({ at: new Date(), ip, userAgent });
const make = (name: string | null, email: string) =>
  createUser({ name: name as string, email, passwordHash: "x" });

const ids: Record<string, string> = {};

beforeAll(async () => {
  const people: [string | null, string][] = [
    ["Ada Lovelace", "ada@example.com"],
    ["Percent Person", "100%sure@example.com"],
    ["Under Score", "under_score@example.com"],
    ["Plain", "underxscore@example.com"],
    ["Back\\slash", "back@example.com"],
    [null, "nameless@example.org"],
  ];
  for (const [name, email] of people) ids[email] = (await make(name, email)).id;
  await db.totpCredential.create({
    data: { userId: ids["ada@example.com"]!, secret: "sealed", enabledAt: new Date() },
  });
  await db.user.update({ where: { id: ids["back@example.com"]! }, data: { disabledAt: new Date() } });
  await db.user.update({ where: { id: ids["ada@example.com"]! }, data: { emailVerified: new Date() } });
});

const emailsFor = async (query?: string) =>
  (await searchUsers({ query, page: 1 })).rows.map((row) => row.email);

describe("Search users", () => {
  it("matches part of an email or a name, whatever the case", async () => {
    expect(await emailsFor("ADA@EX")).toEqual(["ada@example.com"]);
    expect(await emailsFor("lovelace")).toEqual(["ada@example.com"]);
    expect((await emailsFor("example.org")).sort()).toEqual(["nameless@example.org"]);
    expect(await emailsFor("nobody-at-all")).toEqual([]);
  });

  it("takes SQL wildcards literally: % and _ match only themselves", async () => {
    expect(likePattern("a%b_c!")).toBe("%a!%b!_c!!%");
    expect(await emailsFor("%")).toEqual(["100%sure@example.com"]);
    expect(await emailsFor("100%")).toEqual(["100%sure@example.com"]);
    expect(await emailsFor("_")).toEqual(["under_score@example.com"]);
    expect(await emailsFor("under_")).toEqual(["under_score@example.com"]); // not "underxscore"
    expect(await emailsFor("%%")).toEqual([]);
    expect(await emailsFor("!")).toEqual([]);
    expect(await emailsFor("\\")).toEqual(["back@example.com"]);
    expect(await emailsFor("' OR 1=1 --")).toEqual([]);
  });

  it("shows each account's status, role, two-factor and last sign-in, newest first", async () => {
    await recordEvent({
      kind: "sign-in.succeeded",
      userId: ids["ada@example.com"]!,
      context: context("192.0.2.1"),
    });
    const { rows, total } = await searchUsers({ page: 1 });
    expect(total).toBe(6);
    expect(rows[0]!.email).toBe("nameless@example.org");
    const row = (email: string) => rows.find((r) => r.email === email)!;
    expect(row("ada@example.com")).toMatchObject({
      status: "active",
      role: "user",
      twoFactor: true,
      lastSignInAt: expect.any(Date),
    });
    expect(row("back@example.com")).toMatchObject({ status: "locked", twoFactor: false, lastSignInAt: null });
    expect(row("under_score@example.com").status).toBe("unconfirmed");
  });

  it("is paginated, and its query string is parsed defensively", async () => {
    const first = await searchUsers({ page: 1 }, 4);
    const second = await searchUsers({ page: 2 }, 4);
    expect([first.rows.length, second.rows.length, first.pageCount]).toEqual([4, 2, 2]);
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(6);
    expect((await searchUsers({ page: 3 }, 4)).rows).toEqual([]);
    expect(parseUserSearch({ q: "  ada ", page: "2" })).toEqual({ query: "ada", page: 2 });
    expect(parseUserSearch({ q: ["x", "y"], page: "-1" })).toEqual({ query: "x", page: 1 });
    expect(parseUserSearch({ q: "   ", page: "1e9" })).toEqual({ query: undefined, page: 1 });
    expect(parseUserSearch(new URLSearchParams("q=a%25&page=abc"))).toEqual({ query: "a%", page: 1 });
  });
});

describe("the audit log", () => {
  let adminId: string;

  beforeAll(async () => {
    const admin = await make("Auditor", "auditor@example.com");
    adminId = admin.id;
    await db.user.update({ where: { id: adminId }, data: { role: "admin" } });
    const ada = ids["ada@example.com"]!;
    await db.securityEvent.createMany({
      data: [
        { kind: "sign-in.failed", userId: ada, actorType: "user", at: new Date("2026-03-01T10:00:00Z") },
        { kind: "password.changed", userId: ada, actorType: "user", at: new Date("2026-03-02T23:59:00Z") },
        { kind: "sign-in.failed", userId: null, actorType: "user", at: new Date("2026-03-03T00:00:00Z") },
      ],
    });
    await recordEvent({
      kind: "account.locked",
      userId: ids["back@example.com"]!,
      context: context("198.51.100.9", '=HYPERLINK("http://evil.example","click")'),
      actor: { type: "admin", id: adminId },
      details: { sessions: 2 },
    });
  });

  it("lists every event newest first, with the account's and the admin's addresses", async () => {
    const { rows, total } = await auditPage({ page: 1 });
    expect(total).toBe(5);
    const times = rows.map((row) => row.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(rows[0]).toMatchObject({
      kind: "account.locked",
      what: "events.accountLocked",
      userEmail: "back@example.com",
      actorType: "admin",
      actorEmail: "auditor@example.com",
    });
  });

  it("filters by account email, kind and whole UTC days, and pages", async () => {
    const kinds = async (filters: Record<string, string>) =>
      (await auditPage(parseAuditFilters(filters))).rows.map((row) => row.kind);
    expect(await kinds({ user: " ADA@example.com " })).toEqual([
      "sign-in.succeeded",
      "password.changed",
      "sign-in.failed",
    ]);
    expect(await kinds({ user: "ada@example.com", kind: "sign-in.failed" })).toEqual(["sign-in.failed"]);
    expect(await kinds({ user: "nobody@example.com" })).toEqual([]);
    expect(await kinds({ from: "2026-03-02", to: "2026-03-02" })).toEqual(["password.changed"]);
    expect(await kinds({ from: "2026-03-01", to: "2026-03-03" })).toEqual([
      "sign-in.failed",
      "password.changed",
      "sign-in.failed",
    ]);
    // Unknown kinds and malformed days are dropped, not errors.
    expect(parseAuditFilters({ kind: "drop-table", from: "yesterday", to: "2026-02-30x" })).toEqual({
      user: undefined,
      kind: undefined,
      from: undefined,
      to: undefined,
      page: 1,
    });
    // Days PostgreSQL would refuse (year 0) or JavaScript would roll over (31 February) too.
    for (const day of ["0000-01-01", "2026-02-31", "2026-13-01", "1969-12-31"]) {
      expect(parseAuditFilters({ from: day, to: day })).toMatchObject({ from: undefined, to: undefined });
    }
    expect(parseAuditFilters({ from: "2026-02-28" })).toMatchObject({ from: "2026-02-28" });
    const paged = await auditPage({ page: 2 }, 2);
    expect([paged.rows.length, paged.pageCount]).toEqual([2, 3]);
  });

  it("exports the filtered view as CSV, quoted and safe from formula injection", async () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    for (const formula of ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) {
      expect(csvCell(formula)).toBe(`"'${formula}"`);
    }
    expect(csvCell(null)).toBe('""');
    expect(csvLine(["a", 1, null])).toBe('"a","1",""\r\n');

    const secret = await openSession(adminId);
    const salt = "__Secure-authjs.session-token";
    cookieJar.set(
      salt,
      await encode({
        token: { sub: adminId, sessionSecret: secret },
        secret: process.env.AUTH_SECRET!,
        salt,
      }),
    );
    const response = await exportCsv(
      new NextRequest("http://localhost/admin/audit/export?user=back%40example.com&kind=account.locked"),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="latchkey-audit-[\d-]+\.csv"$/,
    );
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe(
      '"at","kind","what","user_id","user_email","actor_type","actor_id","actor_email","ip","user_agent","details"',
    );
    expect(lines).toHaveLength(3); // the header, one event, and the empty string after the last CRLF
    expect(lines[1]).toContain('"account.locked","Account locked by an administrator"');
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(lines[1]).toContain('"{""sessions"":2}"');

    const all = await (await exportCsv(new NextRequest("http://localhost/admin/audit/export"))).text();
    expect(all.split("\r\n")).toHaveLength(1 + 5 + 1);
  });
});
