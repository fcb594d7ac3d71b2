// Who reaches the admin console: every admin action, page and route checks the permission on
// the server itself, read from the database on each request. Signed out, signed in as a plain
// user, or demoted and locked with a session still open, the answer is a 404 and nothing changes.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { MailMessage } from "@/lib/mail/send";

vi.hoisted(() => {
  process.env.BCRYPT_COST = "4";
});
const sent = vi.hoisted(() => [] as MailMessage[]);
vi.mock("@/lib/mail/outbox", async () => (await import("@/tests/helpers/outbox-spy")).recordMailInto(sent));
vi.mock("next/headers", () => import("@/tests/helpers/next-headers"));
vi.mock("next-intl/server", () => import("@/tests/helpers/next-intl-server"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { NextRequest } = await import("next/server");
const { can, ROLES } = await import("@/lib/admin/permissions");
const { validateSession } = await import("@/lib/auth/sessions");
const { db } = await import("@/lib/db");
const { getCurrentSession, sessionWithPermission } = await import("@/lib/dal");
const { cookieJar } = await import("@/tests/helpers/next-headers");
const { openSession, signInBrowserAs } = await import("@/tests/helpers/sessions");
const { confirmedUser } = await import("@/tests/helpers/users");

// Every module of admin server actions. The test below checks that this list names every
// "use server" file under app/admin, so a new action cannot go untested.
const ACTION_MODULES: Record<string, Record<string, unknown>> = {
  "app/admin/users/[id]/actions/access.ts": await import("@/app/admin/users/[id]/actions/access"),
  "app/admin/users/[id]/actions/confirm-identity.ts":
    await import("@/app/admin/users/[id]/actions/confirm-identity"),
  "app/admin/users/[id]/actions/confirmation-email.ts":
    await import("@/app/admin/users/[id]/actions/confirmation-email"),
  "app/admin/users/[id]/actions/role.ts": await import("@/app/admin/users/[id]/actions/role"),
  "app/admin/users/[id]/actions/sessions.ts": await import("@/app/admin/users/[id]/actions/sessions"),
  "app/admin/users/[id]/actions/two-factor.ts": await import("@/app/admin/users/[id]/actions/two-factor"),
};

const PAGES = {
  layout: (await import("@/app/admin/layout")).default,
  overview: (await import("@/app/admin/page")).default,
  users: (await import("@/app/admin/users/page")).default,
  user: (await import("@/app/admin/users/[id]/page")).default,
  audit: (await import("@/app/admin/audit/page")).default,
};
const { GET: exportCsv } = await import("@/app/admin/audit/export/route");

const PASSWORD = "a long and unusual passphrase";
let n = 0;

async function account(role = "user") {
  n += 1;
  const user = await confirmedUser({
    name: `Access ${n}`,
    email: `access${n}@example.com`,
    password: PASSWORD,
  });
  if (role !== "user") await db.user.update({ where: { id: user.id }, data: { role } });
  return user;
}

/**
 * This "browser" signed in as `userId`: a real session row, and its cookie in the jar (the
 * Secure name: with no AUTH_URL, Auth.js takes the request to be https).
 */
async function signInAs(userId: string): Promise<string> {
  const { sessionId } = await signInBrowserAs(userId);
  // The data-access layer sees this session: a 404 below is the permission's, not a sign-in's.
  expect(await getCurrentSession()).toMatchObject({ sessionId, user: { id: userId } });
  return sessionId;
}

type Outcome = { notFound: true } | { redirect: string } | { value: unknown };

/** What Next.js would make of a call: a 404, a redirect, or the value itself. */
async function outcomeOf(run: () => unknown): Promise<Outcome> {
  try {
    return { value: await run() };
  } catch (error) {
    const digest = String((error as { digest?: unknown } | null)?.digest ?? "");
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { notFound: true };
    if (digest.startsWith("NEXT_REDIRECT;")) return { redirect: digest.split(";")[2]! };
    throw error;
  }
}

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
const idle = { status: "idle" } as const;

let victim: Awaited<ReturnType<typeof account>>;
let victimSessionId: string;

/** Every exported admin action, called as its form would call it, against `victim`. */
function everyAction(): [string, (formData: FormData) => Promise<unknown>][] {
  return Object.entries(ACTION_MODULES).flatMap(([file, module]) =>
    Object.entries(module).map(([name, action]): [string, (formData: FormData) => Promise<unknown>] => {
      if (typeof action !== "function") throw new Error(`${file} exports ${name}, which is not an action`);
      return [
        `${file}: ${name}`,
        (formData) => (action as (s: unknown, f: FormData) => Promise<unknown>)(idle, formData),
      ];
    }),
  );
}

function fullForm() {
  return form({
    userId: victim.id,
    sessionId: victimSessionId,
    confirm: "yes",
    role: "admin",
    currentPassword: PASSWORD,
  });
}

async function expectVictimUntouched() {
  const row = await db.user.findUniqueOrThrow({ where: { id: victim.id } });
  expect(row).toMatchObject({ role: "user", disabledAt: null });
  expect(await db.session.count({ where: { id: victimSessionId } })).toBe(1);
  expect(await db.securityEvent.count({ where: { actorType: "admin" } })).toBe(0);
  expect(sent).toEqual([]);
}

const pageCalls = (): [string, () => unknown][] => [
  ["the layout", () => PAGES.layout({ children: null })],
  ["/admin", () => PAGES.overview()],
  ["/admin/users", () => PAGES.users({ searchParams: Promise.resolve({ q: "access" }) })],
  [
    "/admin/users/<id>",
    () => PAGES.user({ params: Promise.resolve({ id: victim.id }), searchParams: Promise.resolve({}) }),
  ],
  ["/admin/audit", () => PAGES.audit({ searchParams: Promise.resolve({}) })],
  ["/admin/audit/export", () => exportCsv(new NextRequest("http://localhost/admin/audit/export"))],
];

beforeAll(async () => {
  victim = await account();
  const secret = await openSession(victim.id);
  victimSessionId = (await validateSession(secret))!.sessionId;
});

beforeEach(() => {
  sent.length = 0;
  cookieJar.clear();
});

describe("the permission map", () => {
  it("gives admins every console permission and users none; an unknown stored role grants nothing", () => {
    const permissions = ["admin:enter", "users:read", "users:manage", "roles:manage", "audit:read"] as const;
    expect(ROLES).toEqual(["user", "admin"]);
    for (const permission of permissions) {
      expect(can("admin", permission)).toBe(true);
      expect(can("user", permission)).toBe(false);
      expect(can("superuser", permission)).toBe(false);
    }
  });

  it("is applied to the role the database holds now, not to what the session was opened with", async () => {
    const admin = await account("admin");
    await signInAs(admin.id);
    expect(await sessionWithPermission("users:manage")).toMatchObject({
      user: { id: admin.id },
      role: "admin",
    });
    await db.user.update({ where: { id: admin.id }, data: { role: "user" } });
    expect(await sessionWithPermission("users:manage")).toBeNull();
    await db.user.update({ where: { id: admin.id }, data: { role: "admin", disabledAt: new Date() } });
    expect(await sessionWithPermission("admin:enter")).toBeNull();
  });
});

describe("every admin server action", () => {
  it("is listed here: each 'use server' module under app/admin is imported above", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && /^\s*["']use server["']/.test(readFileSync(path, "utf8"))) {
          files.push(relative(process.cwd(), path));
        }
      }
    };
    walk(join(process.cwd(), "app/admin"));
    expect(files.sort()).toEqual(Object.keys(ACTION_MODULES).sort());
    expect(everyAction().length).toBeGreaterThanOrEqual(8);
  });

  it("answers 404 to a signed-out caller, and changes nothing", async () => {
    for (const [name, call] of everyAction()) {
      expect({ name, outcome: await outcomeOf(() => call(fullForm())) }).toEqual({
        name,
        outcome: { notFound: true },
      });
    }
    await expectVictimUntouched();
  });

  it("answers 404 to a plain signed-in user, and changes nothing", async () => {
    const plain = await account();
    await signInAs(plain.id);
    for (const [name, call] of everyAction()) {
      expect({ name, outcome: await outcomeOf(() => call(fullForm())) }).toEqual({
        name,
        outcome: { notFound: true },
      });
    }
    await expectVictimUntouched();
    expect(await db.user.findUniqueOrThrow({ where: { id: plain.id } })).toMatchObject({ role: "user" });
  });

  it("answers 404 from the next request of an admin demoted or locked with a session open", async () => {
    const admin = await account("admin");
    await signInAs(admin.id);
    await db.user.update({ where: { id: admin.id }, data: { role: "user" } });
    for (const [name, call] of everyAction()) {
      expect({ name, outcome: await outcomeOf(() => call(fullForm())) }).toEqual({
        name,
        outcome: { notFound: true },
      });
    }
    await db.user.update({ where: { id: admin.id }, data: { role: "admin", disabledAt: new Date() } });
    const [, lock] = everyAction().find(([name]) => name.endsWith(": lockAccountAction"))!;
    expect(await outcomeOf(() => lock(fullForm()))).toEqual({ notFound: true });
    await expectVictimUntouched();
  });

  it("answers 404 whatever a caller sends where the form belongs", async () => {
    const plain = await account();
    await signInAs(plain.id);
    for (const [name, call] of everyAction()) {
      for (const forged of [null, undefined, "userId=x", [1, 2], { userId: victim.id }]) {
        const outcome = await outcomeOf(() => call(forged as unknown as FormData));
        expect({ name, outcome }).toEqual({ name, outcome: { notFound: true } });
      }
    }
  });
});

describe("every admin page and route", () => {
  it("answers 404 to a signed-out visitor and to a plain user", async () => {
    for (const signedIn of [false, true]) {
      if (signedIn) await signInAs((await account()).id);
      for (const [name, call] of pageCalls()) {
        expect({ name, outcome: await outcomeOf(call) }).toEqual({ name, outcome: { notFound: true } });
      }
    }
  });

  it("renders for an admin; an unknown or malformed account id is a 404 like any missing page", async () => {
    await signInAs((await account("admin")).id);
    for (const [name, call] of pageCalls()) {
      expect({ name, outcome: await outcomeOf(call) }).toEqual({
        name,
        outcome: { value: expect.anything() },
      });
    }
    for (const id of ["c00000000000000000000000", "not-an-id", "../../etc", "'; DROP TABLE"]) {
      const outcome = await outcomeOf(() =>
        PAGES.user({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) }),
      );
      expect({ id, outcome }).toEqual({ id, outcome: { notFound: true } });
    }
  });
});
