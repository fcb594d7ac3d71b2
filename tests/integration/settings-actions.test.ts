// The /settings server actions themselves, with the request (session, headers, redirects)
// mocked: what they allow, refuse and answer.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CurrentSession } from "@/lib/dal";
import type { MailMessage } from "@/lib/mail/send";

const mocks = vi.hoisted(() => ({
  session: null as CurrentSession | null,
  sent: [] as MailMessage[],
  signOut: vi.fn(async ({ redirectTo }: { redirectTo: string }) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { redirectTo });
  }),
}));
vi.mock("@/lib/dal", () => ({
  requireSession: async () => {
    if (!mocks.session) throw Object.assign(new Error("NEXT_REDIRECT"), { redirectTo: "/login" });
    return mocks.session;
  },
}));
vi.mock("@/auth", () => ({ signOut: mocks.signOut }));
vi.mock("next/navigation", () => import("@/tests/helpers/next-navigation"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
// No client address: the form throttle counts per email address only.
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("@/lib/request-context", () => ({
  securityContext: async () => ({ at: new Date(), ip: "198.51.100.7", userAgent: "vitest" }),
}));
vi.mock("@/lib/mail/outbox", async () =>
  (await import("@/tests/helpers/outbox-spy")).recordMailInto(mocks.sent),
);

const { changePasswordAction } = await import("@/app/(app)/settings/actions/password");
const { openSession } = await import("@/tests/helpers/sessions");
const { deleteAccountAction } = await import("@/app/(app)/settings/actions/delete-account");
const { saveProfile } = await import("@/app/(app)/settings/actions/profile");
const { revokeOtherSessionsAction, revokeSessionAction } =
  await import("@/app/(app)/settings/actions/sessions");
const { hashPassword } = await import("@/lib/auth/password");
const { validateSession } = await import("@/lib/auth/sessions");
const { db } = await import("@/lib/db");
const { createUser } = await import("@/lib/users");
const findUserById = (id: string) => db.user.findUnique({ where: { id } });

const PASSWORD = "the current password";
let n = 0;

/** A user with two sessions, signed in (for the mocked dal) on the first. */
async function signedInUser() {
  n += 1;
  const user = await createUser({
    name: `A${n}`,
    email: `act${n}@example.com`,
    passwordHash: await hashPassword(PASSWORD, 4),
  });
  const client = { userAgent: "vitest", ip: null };
  const here = (await validateSession(await openSession(user.id, false, client)))!.sessionId;
  const other = (await validateSession(await openSession(user.id, false, client)))!.sessionId;
  return { user, here, other };
}

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
const redirectOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { redirectTo?: string }) => error.redirectTo,
  );
const idle = { status: "idle" } as const;

beforeEach(() => {
  mocks.session = null;
  mocks.sent.length = 0;
  mocks.signOut.mockClear();
});

describe("/settings actions", () => {
  it("refuse to run without a session", async () => {
    expect(await redirectOf(saveProfile(idle, form({ name: "X" })))).toBe("/login");
    expect(await redirectOf(revokeOtherSessionsAction())).toBe("/login");
  });

  it("a session id of another user is refused: that session stays", async () => {
    const me = await signedInUser();
    const victim = await signedInUser();
    mocks.session = { user: me.user, sessionId: me.here };
    expect(await redirectOf(revokeSessionAction(form({ sessionId: victim.other })))).toBe(
      "/settings?notice=session-not-found",
    );
    expect(await db.session.count({ where: { id: victim.other } })).toBe(1);
  });

  it("revokes one of my other sessions; revoking this one signs out", async () => {
    const me = await signedInUser();
    mocks.session = { user: me.user, sessionId: me.here };
    expect(await redirectOf(revokeSessionAction(form({ sessionId: me.other })))).toBe(
      "/settings?notice=session-revoked",
    );
    expect(await db.session.count({ where: { id: me.other } })).toBe(0);
    const revoked = await db.securityEvent.findMany({
      where: { userId: me.user.id, kind: "session.revoked" },
    });
    expect(revoked.map((event) => event.details)).toEqual([{ sessions: 1 }]);
    expect(await redirectOf(revokeSessionAction(form({ sessionId: me.here })))).toBe(
      "/login?notice=signed-out",
    );
    expect(mocks.signOut).toHaveBeenCalledOnce();
  });

  it("signs out every other session and keeps this one", async () => {
    const me = await signedInUser();
    mocks.session = { user: me.user, sessionId: me.here };
    expect(await redirectOf(revokeOtherSessionsAction())).toBe("/settings?notice=other-sessions-revoked");
    expect((await db.session.findMany({ where: { userId: me.user.id } })).map((s) => s.id)).toEqual([
      me.here,
    ]);
    const revoked = await db.securityEvent.findMany({
      where: { userId: me.user.id, kind: "session.revoked" },
    });
    expect(revoked.map((event) => event.details)).toEqual([{ sessions: 1 }]);
  });

  it("saves the name, and reports a blank one on the field", async () => {
    const me = await signedInUser();
    mocks.session = { user: me.user, sessionId: me.here };
    expect(await saveProfile(idle, form({ name: "  Grace Hopper " }))).toMatchObject({ status: "success" });
    expect((await findUserById(me.user.id))?.name).toBe("Grace Hopper");
    expect(await saveProfile(idle, form({ name: "   " }))).toMatchObject({
      status: "error",
      fieldErrors: { name: [expect.any(String)] },
    });
  });

  it("a wrong current password is a field error that never echoes what was typed", async () => {
    const me = await signedInUser();
    mocks.session = { user: me.user, sessionId: me.here };
    const typed = {
      currentPassword: "wrong-secret-123",
      newPassword: "Velvet-Harbor-Quince-739",
      confirmPassword: "Velvet-Harbor-Quince-739",
    };
    const state = await changePasswordAction(idle, form(typed));
    expect(state).toMatchObject({ status: "error", fieldErrors: { currentPassword: [expect.any(String)] } });
    expect(JSON.stringify(state)).not.toMatch(/secret|Velvet/);
    expect(await db.session.count({ where: { userId: me.user.id } })).toBe(2);

    const deleted = await deleteAccountAction(
      idle,
      form({ currentPassword: "wrong-secret-123", confirm: "delete" }),
    );
    expect(deleted).toMatchObject({
      status: "error",
      fieldErrors: { currentPassword: [expect.any(String)] },
    });
    expect(await findUserById(me.user.id)).not.toBeNull();
  });

  it("deleting needs the confirmation step, then signs out to the landing page with a notice", async () => {
    const me = await signedInUser();
    mocks.session = { user: me.user, sessionId: me.here };
    const unconfirmed = await deleteAccountAction(idle, form({ currentPassword: PASSWORD }));
    expect(unconfirmed).toMatchObject({ status: "error", fieldErrors: { confirm: [expect.any(String)] } });
    expect(await findUserById(me.user.id)).not.toBeNull();

    expect(
      await redirectOf(deleteAccountAction(idle, form({ currentPassword: PASSWORD, confirm: "delete" }))),
    ).toBe("/?notice=account-deleted");
    expect(await db.user.count({ where: { id: me.user.id } })).toBe(0);
    expect(mocks.sent.map((m) => m.to)).toEqual([me.user.email]);
  });
});
