import { beforeEach, describe, expect, it, vi, afterEach } from "vitest";
import { revokeSession, revokeUserSessions, validateSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users";
import { openSession } from "@/tests/helpers/sessions";

const client = { userAgent: "vitest", ip: "127.0.0.1" };
let userId: string;
let n = 0;

beforeEach(async () => {
  n += 1;
  ({ id: userId } = await createUser({ name: "S", email: `s${n}@example.com`, passwordHash: "x" }));
});
afterEach(() => {
  vi.useRealTimers();
});

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe("server-side sessions", () => {
  it("a session is valid until it is revoked (sign-out)", async () => {
    const secret = await openSession(userId, false, client);
    expect(await validateSession(secret)).toMatchObject({ userId });
    await revokeSession(secret);
    expect(await validateSession(secret)).toBeNull();
  });

  it("an unknown or tampered secret is no session", async () => {
    const secret = await openSession(userId, false, client);
    expect(await validateSession(secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A"))).toBeNull();
    expect(await validateSession("")).toBeNull();
  });

  it("a session that is not remembered ends after 12 hours, even when active", async () => {
    const secret = await openSession(userId, false, client);
    vi.useFakeTimers({ now: Date.now(), toFake: ["Date"] });
    for (let hours = 1; hours < 12; hours += 1) {
      vi.setSystemTime(Date.now() + HOUR);
      expect(await validateSession(secret), `after ${hours + 1} h`).not.toBeNull();
    }
    vi.setSystemTime(Date.now() + HOUR + 1000);
    expect(await validateSession(secret)).toBeNull();
  });

  it("a session that is not remembered ends after 2 idle hours", async () => {
    const secret = await openSession(userId, false, client);
    vi.useFakeTimers({ now: Date.now() + 2 * HOUR - 60_000, toFake: ["Date"] });
    expect(await validateSession(secret)).not.toBeNull(); // activity resets the idle clock
    vi.setSystemTime(Date.now() + 2 * HOUR - 60_000);
    expect(await validateSession(secret)).not.toBeNull();
    vi.setSystemTime(Date.now() + 2 * HOUR + 1000);
    expect(await validateSession(secret)).toBeNull();
  });

  it("a remembered session lasts 30 days with activity, and ends after 7 idle days", async () => {
    const active = await openSession(userId, true, client);
    const idle = await openSession(userId, true, client);
    vi.useFakeTimers({ now: Date.now(), toFake: ["Date"] });
    for (let day = 0; day < 29; day += 1) {
      vi.setSystemTime(Date.now() + DAY);
      expect(await validateSession(active), `day ${day + 1}`).not.toBeNull();
    }
    expect(await validateSession(idle)).toBeNull();
    vi.setSystemTime(Date.now() + DAY + 1000);
    expect(await validateSession(active)).toBeNull();
  });

  it("disabling or deleting a user ends their sessions at once", async () => {
    const secret = await openSession(userId, true, client);
    await db.user.update({ where: { id: userId }, data: { disabledAt: new Date() } });
    expect(await validateSession(secret)).toBeNull();

    const other = await createUser({ name: "D", email: `d${n}@example.com`, passwordHash: "x" });
    const otherSecret = await openSession(other.id, true, client);
    await db.user.delete({ where: { id: other.id } });
    expect(await validateSession(otherSecret)).toBeNull();
    expect(await db.session.count({ where: { userId: other.id } })).toBe(0);
  });

  it("revokes all of a user's sessions, or all but one", async () => {
    const keep = await openSession(userId, false, client);
    const others = await Promise.all([1, 2, 3].map(() => openSession(userId, false, client)));
    const kept = await validateSession(keep);
    expect(await revokeUserSessions(userId, kept!.sessionId)).toBe(3);
    expect(await validateSession(keep)).not.toBeNull();
    for (const secret of others) expect(await validateSession(secret)).toBeNull();
    expect(await revokeUserSessions(userId)).toBe(1);
    expect(await validateSession(keep)).toBeNull();
  });
});
